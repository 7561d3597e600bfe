package dev.oms.saga;

import com.google.protobuf.Message;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.TransactionContext;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the instances of one saga definition. Each call handles one stimulus (start, or one reply) in the
 * caller's transaction: it loads the instance, moves it as far as it can go without waiting, saves it
 * with its version check, and emits the next command through the outbox of that same transaction.
 * A reply the instance is not waiting for (late, duplicate, or for a step already compensated) changes
 * nothing.
 */
public final class SagaEngine<D> {
    private static final Logger log = LoggerFactory.getLogger(SagaEngine.class);

    private final SagaDefinition<D> definition;
    private final SagaRepository<D> repository;
    private final SagaListener<D> listener;

    public SagaEngine(SagaDefinition<D> definition, SagaDataCodec<D> codec, SagaListener<D> listener) {
        this.definition = definition;
        this.repository = new SagaRepository<>(codec);
        this.listener = listener;
    }

    public SagaDefinition<D> definition() {
        return definition;
    }

    public Set<String> replyTypes() {
        return definition.replyTypes();
    }

    /** Starts a new instance and runs it up to its first wait; returns the saga id. */
    public String start(TransactionContext tx, String correlationId, D data) throws Exception {
        String sagaId = UUID.randomUUID().toString();
        SagaInstance<D> saga = new SagaInstance<>(sagaId, definition.name(), correlationId, SagaStatus.RUNNING, 0, 1,
                data, null, tx.now(), definition.steps().stream().map(StepState::pending).toList());
        forward(tx, saga);
        repository.insert(tx.connection(), saga, tx.now());
        listener.onTransition(tx, saga);
        return sagaId;
    }

    /** Applies a reply addressed (by its envelope's saga id) to an instance of this saga. */
    public void onReply(TransactionContext tx, IncomingMessage reply) throws Exception {
        String sagaId = reply.envelope().sagaId();
        Optional<SagaInstance<D>> found = sagaId == null ? Optional.empty() : repository.load(tx.connection(), sagaId);
        if (found.isEmpty() || !found.get().sagaType().equals(definition.name())) {
            log.debug("reply {} for unknown saga {} ignored", reply.type(), sagaId);
            return;
        }
        SagaInstance<D> saga = found.get();
        boolean changed = switch (saga.status()) {
            case RUNNING -> onActionReply(tx, saga, reply);
            case COMPENSATING -> onCompensationReply(tx, saga, reply);
            case COMPLETED, COMPENSATED -> false;
        };
        if (!changed) {
            log.debug("saga {} ({}) not waiting for {}: ignored", sagaId, saga.status(), reply.type());
            return;
        }
        repository.update(tx.connection(), saga, tx.now());
        listener.onTransition(tx, saga);
    }

    private boolean onActionReply(TransactionContext tx, SagaInstance<D> saga, IncomingMessage reply) throws Exception {
        int index = saga.currentStep();
        SagaStep<D> step = definition.steps().get(index);
        ReplyHandler<D, Message> handler = step.replies().get(reply.type());
        if (handler == null || saga.step(index).status() != StepStatus.RUNNING) {
            return false;
        }
        Outcome<D> outcome = handler.apply(saga.data(), reply.payload());
        if (outcome instanceof Outcome.Success<D> success) {
            succeed(tx, saga, success.data());
            forward(tx, saga);
        } else {
            fail(tx, saga, step, ((Outcome.Failure<D>) outcome).reason());
        }
        return true;
    }

    private boolean onCompensationReply(TransactionContext tx, SagaInstance<D> saga, IncomingMessage reply)
            throws Exception {
        int index = saga.currentStep();
        SagaStep<D> step = definition.steps().get(index);
        if (!step.compensationReplies().contains(reply.type()) || saga.step(index).status() != StepStatus.COMPENSATING) {
            return false;
        }
        saga.setStep(index, saga.step(index).ended(StepStatus.COMPENSATED, tx.now(), saga.step(index).error()));
        saga.moveTo(index - 1);
        compensateBackwards(tx, saga);
        return true;
    }

    /** Runs local steps and dispatches the next remote one, until the saga must wait or is done. */
    private void forward(TransactionContext tx, SagaInstance<D> saga) throws Exception {
        while (saga.currentStep() < definition.steps().size()) {
            int index = saga.currentStep();
            SagaStep<D> step = definition.steps().get(index);
            saga.setStep(index, saga.step(index).started(tx.now()));
            if (!step.isLocal()) {
                send(tx, saga, step.command().apply(saga.data()));
                return;
            }
            Outcome<D> outcome = step.localAction().run(tx, saga.data());
            if (outcome instanceof Outcome.Failure<D> failure) {
                fail(tx, saga, step, failure.reason());
                return;
            }
            succeed(tx, saga, ((Outcome.Success<D>) outcome).data());
        }
        saga.become(SagaStatus.COMPLETED, null);
        saga.moveTo(definition.steps().size() - 1);
        definition.onCompleted().run(tx, saga.data());
    }

    private void succeed(TransactionContext tx, SagaInstance<D> saga, D data) {
        int index = saga.currentStep();
        saga.setData(data);
        saga.setStep(index, saga.step(index).ended(StepStatus.SUCCEEDED, tx.now(), null));
        saga.moveTo(index + 1);
    }

    private void fail(TransactionContext tx, SagaInstance<D> saga, SagaStep<D> step, String reason) throws Exception {
        int index = saga.currentStep();
        if (step.kind() == StepKind.RETRIABLE) {
            saga.setStep(index, saga.step(index).retried(tx.now(), reason));
            send(tx, saga, step.command().apply(saga.data()));
            return;
        }
        saga.setStep(index, saga.step(index).ended(StepStatus.FAILED, tx.now(), reason));
        saga.become(SagaStatus.COMPENSATING, step.name() + ": " + reason);
        saga.moveTo(index - 1);
        compensateBackwards(tx, saga);
    }

    /** Undoes succeeded compensatable steps from the current one down, until one must wait for its reply. */
    private void compensateBackwards(TransactionContext tx, SagaInstance<D> saga) throws Exception {
        while (saga.currentStep() >= 0) {
            int index = saga.currentStep();
            SagaStep<D> step = definition.steps().get(index);
            if (step.kind() == StepKind.COMPENSATABLE && saga.step(index).status() == StepStatus.SUCCEEDED) {
                if (step.localCompensation() == null) {
                    saga.setStep(index, saga.step(index).compensating());
                    send(tx, saga, step.compensation().apply(saga.data()));
                    return;
                }
                step.localCompensation().run(tx, saga.data());
                saga.setStep(index, saga.step(index).ended(StepStatus.COMPENSATED, tx.now(), null));
            }
            saga.moveTo(index - 1);
        }
        saga.moveTo(0);
        saga.become(SagaStatus.COMPENSATED, null);
        definition.onCompensated().run(tx, saga.data(), saga.failure());
    }

    private static void send(TransactionContext tx, SagaInstance<?> saga, Command command) {
        tx.emit(command.topic(), saga.correlationId(), saga.sagaId(), command.payload());
    }
}
