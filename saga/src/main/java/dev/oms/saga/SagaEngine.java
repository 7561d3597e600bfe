package dev.oms.saga;

import com.google.protobuf.Message;
import dev.oms.messaging.CrashPoints;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.TransactionContext;
import dev.oms.messaging.TransactionRunner;
import dev.oms.saga.SagaInstance.Deadline;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the instances of one saga definition. Each call handles one stimulus (a start, a reply, a due
 * timer or an operator action) in the caller's transaction: it loads the instance, moves it as far as it
 * can go without waiting, saves it with its version check and emits the next command through the outbox
 * of that same transaction. A reply the instance is not waiting for (late, duplicate, or for a step that
 * timed out) changes nothing.
 *
 * <p>A compensation asked for while the pivot is in flight (its command sent, no answer yet) does not skip it: it is
 * recorded and waits for the pivot's definite answer. Refused: the earlier steps are undone. Succeeded: the pivot is
 * undone with its own compensation, and if its participant refuses that too (or the pivot has none) the request is
 * refused and the saga goes forward. A pivot that answers success after the saga began compensating anyway (a late
 * reply, an earlier version's data) is undone as well, never dropped.
 *
 * <p>Every command the saga sends comes with a deadline. When it passes without a reply: a compensatable
 * step is retried within its budget, then counted as timed out and compensated like a success (it may have
 * happened); a pivot or retriable step is sent again with backoff for as long as it takes, with an alert
 * once its budget is spent; a compensation is sent again within the compensation budget, after which the
 * saga is COMPENSATION_FAILED and waits for an operator.
 */
public final class SagaEngine<D> {
    private static final Logger log = LoggerFactory.getLogger(SagaEngine.class);

    private final SagaDefinition<D> definition;
    private final SagaStore<D> store;
    private final SagaListener<D> listener;
    private final SagaMetrics metrics;
    private final SagaTracing tracing;

    public SagaEngine(SagaDefinition<D> definition, SagaDataCodec<D> codec, SagaListener<D> listener) {
        this(definition, new JdbcSagaStore<>(codec), listener);
    }

    public SagaEngine(SagaDefinition<D> definition, SagaStore<D> store, SagaListener<D> listener) {
        this.definition = definition;
        this.store = store;
        this.listener = listener;
        this.metrics = new SagaMetrics(definition.name());
        this.tracing = new SagaTracing(definition.name());
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
        store.insert(tx, saga);
        listener.onTransition(tx, saga);
        return sagaId;
    }

    /** Loads an instance of this saga, if there is one with that id. */
    public Optional<SagaInstance<D>> find(TransactionContext tx, String sagaId) throws Exception {
        return store.load(tx, sagaId, definition.name());
    }

    /**
     * Applies a reply addressed (by its envelope's saga id) to an instance of this saga; false when the saga is not
     * one of this engine's (another saga type, or none), so the caller may offer the reply to another engine.
     */
    public boolean onReply(TransactionContext tx, IncomingMessage reply) throws Exception {
        String sagaId = reply.envelope().sagaId();
        Optional<SagaInstance<D>> found = sagaId == null ? Optional.empty() : find(tx, sagaId);
        if (found.isEmpty()) {
            log.debug("reply {} for unknown saga {} ignored", reply.type(), sagaId);
            return false;
        }
        SagaInstance<D> saga = found.get();
        boolean changed = switch (saga.status()) {
            case RUNNING -> onActionReply(tx, saga, reply);
            case COMPENSATING, COMPENSATION_FAILED ->
                    onCompensationReply(tx, saga, reply) || onLatePivotSuccess(tx, saga, reply);
            case COMPENSATED -> onLatePivotSuccess(tx, saga, reply);
            case COMPLETED -> false;
        };
        if (!changed) {
            log.debug("saga {} ({}) not waiting for {}: ignored", sagaId, saga.status(), reply.type());
            return true;
        }
        save(tx, saga);
        return true;
    }

    /** Fires every due timer of this saga type, one transaction per saga; returns how many fired. */
    public int fireDueTimers(TransactionRunner transactions) {
        int fired = 0;
        while (true) {
            boolean one = transactions.inTransaction(tx -> {
                List<String> due = store.lockDue(tx, definition.name(), tx.now(), 1);
                if (due.isEmpty()) {
                    return false;
                }
                SagaInstance<D> saga = find(tx, due.get(0)).orElseThrow();
                onDeadline(tx, saga);
                save(tx, saga);
                return true;
            });
            if (!one) {
                return fired;
            }
            fired++;
        }
    }

    /**
     * After a region's promotion (or any restart that may have lost the bus's messages in flight): every saga of this
     * type that waits for an answer sends what it waits for again at the next timer poll, with a fresh budget, instead
     * of timing out on a command or reply that was lost with the other region's broker. Participants answer repeats.
     * Returns how many sagas will resend.
     */
    public int resendInFlight(TransactionRunner transactions) {
        return transactions.inTransaction(tx -> store.resendInFlight(tx, definition.name(), tx.now()));
    }

    /** Operator: send what the saga waits for again now, with a fresh budget; reopens a failed compensation. */
    public Optional<SagaInstance<D>> retry(TransactionContext tx, String sagaId) throws Exception {
        Optional<SagaInstance<D>> found = find(tx, sagaId);
        if (found.isEmpty() || found.get().status().isTerminal()) {
            return found;
        }
        SagaInstance<D> saga = found.get();
        saga.raiseAlert(null);
        saga.setWaitAttempts(0);
        if (saga.status() == SagaStatus.RUNNING) {
            SagaStep<D> step = currentStep(saga);
            if (!step.isLocal()) {
                dispatch(tx, saga, step);
            } else if (runLocal(tx, saga, step)) {
                forward(tx, saga);
            }
        } else {
            if (saga.status() == SagaStatus.COMPENSATION_FAILED) {
                saga.become(SagaStatus.COMPENSATING, null);
            }
            dispatchCompensation(tx, saga, currentStep(saga));
        }
        save(tx, saga);
        return Optional.of(saga);
    }

    /**
     * Operator (or a customer's cancellation): stop a running saga that has not passed its pivot and undo
     * what it did. Refused (returns the instance unchanged) once the pivot has succeeded. While the pivot is in
     * flight the request is recorded ({@link SagaInstance#compensationRequest()}) and the saga stays RUNNING until
     * the pivot answers.
     */
    public Optional<SagaInstance<D>> compensate(TransactionContext tx, String sagaId, String reason) throws Exception {
        Optional<SagaInstance<D>> found = find(tx, sagaId);
        if (found.isEmpty()) {
            return found;
        }
        SagaInstance<D> saga = found.get();
        if (saga.status() == SagaStatus.COMPENSATION_FAILED) {
            return retry(tx, sagaId);
        }
        if (saga.status() != SagaStatus.RUNNING || pastPivot(saga)) {
            return found;
        }
        int index = saga.currentStep();
        if (currentStep(saga).kind() == StepKind.PIVOT && !currentStep(saga).undoableInFlight()) {
            // Its command is out: undoing the earlier steps now could ship goods that are no longer paid for.
            if (saga.compensationRequest() == null) {
                saga.requestCompensation(reason);
                save(tx, saga);
            }
            return Optional.of(saga);
        }
        if (saga.step(index).status() == StepStatus.RUNNING) {
            saga.setStep(index, saga.step(index).timedOut(tx.now()));
        }
        saga.become(SagaStatus.COMPENSATING, SagaFailure.requested(reason));
        compensateBackwards(tx, saga);
        save(tx, saga);
        return Optional.of(saga);
    }

    /**
     * True once the pivot step has succeeded (or, in a saga without a pivot, once a retriable step has been sent: it is
     * sent until it succeeds and never undone): from then on the saga only goes forward.
     */
    public boolean pastPivot(SagaInstance<D> saga) {
        List<SagaStep<D>> steps = definition.steps();
        for (int i = 0; i < steps.size(); i++) {
            StepKind kind = steps.get(i).kind();
            StepStatus status = saga.step(i).status();
            if (kind == StepKind.PIVOT && status == StepStatus.SUCCEEDED
                    || kind == StepKind.RETRIABLE && status != StepStatus.PENDING) {
                return true;
            }
        }
        return false;
    }

    private void save(TransactionContext tx, SagaInstance<D> saga) throws Exception {
        store.update(tx, saga);
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
            if (step.kind() == StepKind.PIVOT && saga.compensationRequest() != null) {
                undoPivotAsRequested(tx, saga, index);
                return true;
            }
            CrashPoints.reached(CrashPoints.SAGA_BETWEEN_REPLY_AND_NEXT_COMMAND);
            forward(tx, saga);
        } else {
            fail(tx, saga, step, ((Outcome.Failure<D>) outcome).reason());
        }
        return true;
    }

    /** The pivot succeeded while a compensation waited for it: undo it, or refuse the request if it cannot be. */
    private void undoPivotAsRequested(TransactionContext tx, SagaInstance<D> saga, int pivot) throws Exception {
        String request = saga.compensationRequest();
        SagaStep<D> step = definition.steps().get(pivot);
        saga.requestCompensation(null);
        if (step.compensation() == null) {
            definition.onRequestRefused().run(tx, saga.data(), request, step.name() + " succeeded and cannot be undone");
            forward(tx, saga);
            return;
        }
        saga.moveTo(pivot);
        saga.become(SagaStatus.COMPENSATING, SagaFailure.requested(request));
        compensateBackwards(tx, saga);
    }

    private boolean onCompensationReply(TransactionContext tx, SagaInstance<D> saga, IncomingMessage reply)
            throws Exception {
        int index = saga.currentStep();
        SagaStep<D> step = definition.steps().get(index);
        if (saga.step(index).status() != StepStatus.COMPENSATING) {
            return false;
        }
        boolean refused = step.compensationRefusals().contains(reply.type());
        if (!refused && !step.compensationReplies().contains(reply.type())) {
            return false;
        }
        if (saga.status() == SagaStatus.COMPENSATION_FAILED) {
            // answered after all (done or refused): the saga compensates again and goes on from that answer
            saga.become(SagaStatus.COMPENSATING, null);
        }
        if (refused) {
            onUndoRefused(tx, saga, index, reply.type());
            return true;
        }
        saga.raiseAlert(null); // answered: whatever the wait for it raised is over
        saga.setStep(index, saga.step(index).ended(StepStatus.COMPENSATED, tx.now(), saga.step(index).error()));
        saga.moveTo(index - 1);
        compensateBackwards(tx, saga);
        return true;
    }

    /**
     * The pivot's participant refused to undo it (the parcel left). If the steps before it still stand, the request
     * that asked for the undo is refused and the saga goes forward; if they were undone already (the pivot answered
     * late), nothing automatic can make the order whole again, so an operator is asked.
     */
    private void onUndoRefused(TransactionContext tx, SagaInstance<D> saga, int pivot, String refusal) throws Exception {
        SagaStep<D> step = definition.steps().get(pivot);
        String why = step.name() + " could not be undone: " + refusal;
        saga.raiseAlert(null);
        saga.setDeadline(null);
        saga.setStep(pivot, saga.step(pivot).ended(StepStatus.SUCCEEDED, tx.now(), why));
        if (stepsBeforeStand(saga, pivot)) {
            String request = saga.failure().reason();
            saga.resume();
            definition.onRequestRefused().run(tx, saga.data(), request, why);
            saga.moveTo(pivot + 1);
            forward(tx, saga);
            return;
        }
        saga.become(SagaStatus.COMPENSATION_FAILED, null);
        saga.raiseAlert(why + ", after the steps before it were undone: settle the order by hand");
        metrics.alerted(tx, step.name(), "undo_refused");
        metrics.sagaEnded(tx, SagaStatus.COMPENSATION_FAILED, saga.startedAt());
        log.warn("saga {}: {}", saga.sagaId(), saga.alert());
    }

    private boolean stepsBeforeStand(SagaInstance<D> saga, int pivot) {
        for (int i = 0; i < pivot; i++) {
            if (saga.step(i).status() != StepStatus.SUCCEEDED) {
                return false;
            }
        }
        return true;
    }

    /**
     * A success reply of the pivot that arrives after the saga began compensating without it (it had been refused
     * and a retry went through, or the saga was compensated by an earlier version that skipped an in-flight pivot):
     * what it did must be undone too. A compensated saga compensates again; a compensating one comes back for it once
     * the step it now waits on is undone.
     */
    private boolean onLatePivotSuccess(TransactionContext tx, SagaInstance<D> saga, IncomingMessage reply)
            throws Exception {
        int pivot = definition.pivotIndex();
        if (pivot < 0) {
            return false;
        }
        SagaStep<D> step = definition.steps().get(pivot);
        ReplyHandler<D, Message> handler = step.replies().get(reply.type());
        StepStatus status = saga.step(pivot).status();
        boolean undecided = status == StepStatus.RUNNING || status == StepStatus.FAILED || status == StepStatus.TIMED_OUT;
        if (handler == null || !undecided || !(handler.apply(saga.data(), reply.payload()) instanceof Outcome.Success<D>)) {
            return false;
        }
        if (step.compensation() == null) {
            log.error("saga {}: {} succeeded after the saga began compensating and has no compensation", saga.sagaId(),
                    step.name());
            return false;
        }
        saga.setStep(pivot, saga.step(pivot).ended(StepStatus.SUCCEEDED, tx.now(), "succeeded after compensation began"));
        if (saga.status() == SagaStatus.COMPENSATED) {
            saga.become(SagaStatus.COMPENSATING, null);
            saga.moveTo(pivot);
            compensateBackwards(tx, saga);
        }
        return true;
    }

    private void onDeadline(TransactionContext tx, SagaInstance<D> saga) throws Exception {
        Deadline deadline = saga.deadline();
        saga.setDeadline(null);
        SagaStep<D> step = currentStep(saga);
        if (saga.status() == SagaStatus.COMPENSATING) {
            if (deadline.kind() == Deadline.Kind.RETRY) {
                dispatchCompensation(tx, saga, step);
            } else if (definition.compensationRetry().spent(saga.waitAttempts())) {
                saga.become(SagaStatus.COMPENSATION_FAILED, null);
                saga.raiseAlert("compensation of " + step.name() + " unanswered after " + saga.waitAttempts() + " attempts");
                metrics.alerted(tx, step.name(), "compensation_failed");
                metrics.sagaEnded(tx, SagaStatus.COMPENSATION_FAILED, saga.startedAt());
                log.warn("saga {} COMPENSATION_FAILED at {}", saga.sagaId(), step.name());
            } else {
                waitToRetry(tx, saga, definition.compensationRetry());
            }
        } else if (saga.status() == SagaStatus.RUNNING) {
            if (deadline.kind() == Deadline.Kind.RETRY && step.isLocal()) {
                if (runLocal(tx, saga, step)) {
                    forward(tx, saga);
                }
            } else if (deadline.kind() == Deadline.Kind.RETRY) {
                dispatch(tx, saga, step);
            } else if (step.kind() == StepKind.COMPENSATABLE && step.retry().spent(saga.waitAttempts())) {
                int index = saga.currentStep();
                saga.setStep(index, saga.step(index).timedOut(tx.now()));
                stepEnded(tx, saga.step(index), StepStatus.TIMED_OUT);
                saga.become(SagaStatus.COMPENSATING, SagaFailure.stepTimedOut(step.name()));
                compensateBackwards(tx, saga);
            } else {
                saga.setStep(saga.currentStep(), saga.step(saga.currentStep()).withError("timed out"));
                waitToRetry(tx, saga, step.retry());
            }
        }
    }

    /** Runs local steps and dispatches the next remote one, until the saga must wait or is done. */
    private void forward(TransactionContext tx, SagaInstance<D> saga) throws Exception {
        while (saga.currentStep() < definition.steps().size()) {
            int index = saga.currentStep();
            SagaStep<D> step = definition.steps().get(index);
            saga.setWaitAttempts(0);
            if (!step.isLocal()) {
                dispatch(tx, saga, step);
                return;
            }
            if (!runLocal(tx, saga, step)) {
                return;
            }
        }
        saga.setDeadline(null);
        saga.become(SagaStatus.COMPLETED, null);
        metrics.sagaEnded(tx, SagaStatus.COMPLETED, saga.startedAt());
        saga.moveTo(definition.steps().size() - 1);
        definition.onCompleted().run(tx, saga.data());
    }

    /** Runs the current local step; false when it failed (the saga then compensates, or retries it if retriable). */
    private boolean runLocal(TransactionContext tx, SagaInstance<D> saga, SagaStep<D> step) throws Exception {
        int index = saga.currentStep();
        saga.setStep(index, saga.step(index).started(tx.now()));
        saga.setWaitAttempts(saga.waitAttempts() + 1);
        Outcome<D> outcome = tracing.inStep(saga, step.name(), SagaTracing.Phase.ACTION, saga.waitAttempts(),
                () -> step.localAction().run(tx, saga.data()));
        if (outcome instanceof Outcome.Failure<D> failure) {
            fail(tx, saga, step, failure.reason());
            return false;
        }
        succeed(tx, saga, ((Outcome.Success<D>) outcome).data());
        return true;
    }

    private void succeed(TransactionContext tx, SagaInstance<D> saga, D data) {
        int index = saga.currentStep();
        saga.setData(data);
        saga.setDeadline(null);
        saga.raiseAlert(null); // a step that spent its retry budget and then succeeded needs no operator any more
        saga.setStep(index, saga.step(index).ended(StepStatus.SUCCEEDED, tx.now(), null));
        stepEnded(tx, saga.step(index), StepStatus.SUCCEEDED);
        saga.moveTo(index + 1);
    }

    private void fail(TransactionContext tx, SagaInstance<D> saga, SagaStep<D> step, String reason) throws Exception {
        int index = saga.currentStep();
        if (step.kind() == StepKind.RETRIABLE) {
            // past the point of no return: tried again until it succeeds (a local one runs again), never undone
            saga.setStep(index, saga.step(index).withError(reason));
            waitToRetry(tx, saga, step.retry());
            return;
        }
        saga.setDeadline(null);
        saga.setStep(index, saga.step(index).ended(StepStatus.FAILED, tx.now(), reason));
        stepEnded(tx, saga.step(index), StepStatus.FAILED);
        String request = saga.compensationRequest();
        saga.requestCompensation(null);
        // A refused pivot that a compensation waited for: the saga ends the way that request asked.
        saga.become(SagaStatus.COMPENSATING,
                request != null ? SagaFailure.requested(request) : SagaFailure.stepFailed(step.name(), reason));
        saga.moveTo(index - 1);
        compensateBackwards(tx, saga);
    }

    /**
     * Undoes succeeded (or timed-out) steps from the current one down, until one must wait; then any step above that
     * still needs undoing (a pivot that succeeded late), until nothing does.
     */
    private void compensateBackwards(TransactionContext tx, SagaInstance<D> saga) throws Exception {
        while (true) {
            while (saga.currentStep() >= 0) {
                int index = saga.currentStep();
                SagaStep<D> step = definition.steps().get(index);
                if (needsUndo(saga, index)) {
                    if (step.localCompensation() == null) {
                        saga.setWaitAttempts(0);
                        dispatchCompensation(tx, saga, step);
                        return;
                    }
                    tracing.inStep(saga, step.name(), SagaTracing.Phase.COMPENSATION, 1, () -> {
                        step.localCompensation().run(tx, saga.data(), saga.failure());
                        return null;
                    });
                    saga.setStep(index, saga.step(index).ended(StepStatus.COMPENSATED, tx.now(), saga.step(index).error()));
                }
                saga.moveTo(index - 1);
            }
            int late = lastStepToUndo(saga);
            if (late < 0) {
                break;
            }
            saga.moveTo(late);
        }
        saga.moveTo(0);
        saga.setDeadline(null);
        saga.become(SagaStatus.COMPENSATED, null);
        metrics.sagaEnded(tx, SagaStatus.COMPENSATED, saga.startedAt());
        definition.onCompensated().run(tx, saga.data(), saga.failure());
    }

    private boolean needsUndo(SagaInstance<D> saga, int index) {
        SagaStep<D> step = definition.steps().get(index);
        StepStatus status = saga.step(index).status();
        return step.hasCompensation() && (status == StepStatus.SUCCEEDED || status == StepStatus.TIMED_OUT);
    }

    private int lastStepToUndo(SagaInstance<D> saga) {
        for (int i = definition.steps().size() - 1; i >= 0; i--) {
            if (needsUndo(saga, i)) {
                return i;
            }
        }
        return -1;
    }

    private void dispatch(TransactionContext tx, SagaInstance<D> saga, SagaStep<D> step) throws Exception {
        int index = saga.currentStep();
        if (saga.waitAttempts() > 0) {
            metrics.retried(tx, step.name());
        }
        saga.setStep(index, saga.step(index).started(tx.now()));
        saga.setWaitAttempts(saga.waitAttempts() + 1);
        saga.setDeadline(new Deadline(tx.now().plus(step.timeout()), Deadline.Kind.TIMEOUT));
        send(tx, saga, step, SagaTracing.Phase.ACTION, step.command());
    }

    private void dispatchCompensation(TransactionContext tx, SagaInstance<D> saga, SagaStep<D> step) throws Exception {
        int index = saga.currentStep();
        if (saga.waitAttempts() > 0) {
            metrics.retried(tx, step.name() + ".compensation");
        }
        saga.setStep(index, saga.step(index).compensating());
        saga.setWaitAttempts(saga.waitAttempts() + 1);
        saga.setDeadline(new Deadline(tx.now().plus(step.compensationTimeout()), Deadline.Kind.TIMEOUT));
        send(tx, saga, step, SagaTracing.Phase.COMPENSATION, step.compensation());
    }

    private void waitToRetry(TransactionContext tx, SagaInstance<D> saga, RetryPolicy policy) {
        if (policy.spent(saga.waitAttempts()) && saga.alert() == null) {
            saga.raiseAlert(currentStep(saga).name() + ": retry budget of " + policy.maxAttempts() + " attempts spent");
            metrics.alerted(tx, currentStep(saga).name(), "retry_budget_spent");
            log.warn("saga {}: {}", saga.sagaId(), saga.alert());
        }
        Instant due = tx.now().plus(policy.backoff(saga.waitAttempts()));
        saga.setDeadline(new Deadline(due, Deadline.Kind.RETRY));
    }

    private SagaStep<D> currentStep(SagaInstance<D> saga) {
        return definition.steps().get(saga.currentStep());
    }

    private void stepEnded(TransactionContext tx, StepState step, StepStatus outcome) {
        metrics.stepEnded(tx, step, outcome);
        if (step.startedAt() != null) {
            tracing.stepEnded(step, outcome, Duration.between(step.startedAt(), tx.now()));
        }
    }

    /** Sends the step's command (or compensation) as a span of that step. */
    private void send(TransactionContext tx, SagaInstance<D> saga, SagaStep<D> step, SagaTracing.Phase phase,
                      Function<D, Command> command) throws Exception {
        tracing.inStep(saga, step.name(), phase, saga.waitAttempts(), () -> {
            Command sent = command.apply(saga.data());
            tx.emit(sent.topic(), saga.correlationId(), saga.sagaId(), sent.payload());
            return null;
        });
    }
}
