package dev.oms.saga;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import dev.oms.contracts.Channels;
import dev.oms.contracts.Envelope;
import dev.oms.contracts.MessageTypes;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.SqlWork;
import dev.oms.messaging.TransactionRunner;
import dev.oms.messaging.testing.MutableClock;
import dev.oms.saga.RecordingTransaction.Sent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/**
 * A saga driven by hand, FTGO-style: start it, expect the exact command it sends to each participant in order, give
 * it a reply, a timeout or an operator's action, expect what follows. No database, no broker: the engine runs on an
 * in-memory store and every stimulus is one recorded transaction, all or nothing like a real one.
 */
final class SagaScript<D> implements TransactionRunner {
    private final SagaEngine<D> engine;
    private final InMemorySagaStore<D> store = new InMemorySagaStore<>();
    private final MutableClock clock = new MutableClock();
    private final Deque<Sent> sent = new ArrayDeque<>();
    private String correlationId;
    private String sagaId;
    private long versionBefore;
    private int snapshots;
    /** What the listener was told, in order: the status and version of each saved transition. */
    private final List<Seen> seen = new ArrayList<>();

    /** One transition as the listener saw it. */
    record Seen(SagaStatus status, long version, String step) {}

    private SagaScript(SagaDefinition<D> definition) {
        this.engine = new SagaEngine<>(definition, store, this::told);
    }

    private void told(dev.oms.messaging.TransactionContext tx, SagaInstance<D> saga) {
        snapshots++;
        int at = saga.currentStep();
        seen.add(new Seen(saga.status(), saga.version(), at < 0 ? null : saga.steps().get(at).name()));
    }

    static <D> SagaScript<D> given(SagaDefinition<D> definition) {
        return new SagaScript<>(definition);
    }

    SagaScript<D> start(String correlation, D data) {
        this.correlationId = correlation;
        this.sagaId = inTransaction(tx -> engine.start(tx, correlation, data));
        return this;
    }

    /** The next command the saga sent: exactly this payload, to this topic, for this order and saga. */
    SagaScript<D> expectCommand(String topic, Message payload) {
        assertThat(sent).as("a command was sent").isNotEmpty();
        Sent next = sent.removeFirst();
        assertThat(next.payload()).as("the command sent").isEqualTo(payload);
        assertThat(next.topic()).as("where " + MessageTypes.typeOf(payload) + " went").isEqualTo(topic);
        assertThat(next.correlationId()).isEqualTo(correlationId);
        assertThat(next.sagaId()).isEqualTo(sagaId);
        return this;
    }

    /** The next message sent, whoever it was for (a saga of another engine on the same store). */
    Sent takeSent() {
        assertThat(sent).as("a command was sent").isNotEmpty();
        return sent.removeFirst();
    }

    SagaScript<D> expectNoCommand() {
        assertThat(sent).as("commands sent").isEmpty();
        return this;
    }

    /** A participant's reply to this saga, delivered through the bus (as often as the test calls it). */
    SagaScript<D> reply(Message reply) {
        versionBefore = saga().version();
        boolean ours = deliver(sagaId, reply);
        assertThat(ours).as("the engine knows saga " + sagaId).isTrue();
        return this;
    }

    /** A reply addressed to any saga id (null: none); what the engine answers (false: not one of its sagas). */
    boolean deliver(String toSaga, Message reply) {
        return inTransaction(tx -> engine.onReply(tx, message(toSaga, reply)));
    }

    /** A reply as the bus hands it over, addressed by its envelope to that saga. */
    IncomingMessage message(String toSaga, Message reply) {
        Envelope envelope = new Envelope(UUID.randomUUID(), MessageTypes.typeOf(reply), 1, correlationId, null, toSaga,
                clock.instant(), null, "participant");
        return new IncomingMessage(envelope, reply, Channels.EVENTS, 0, 0);
    }

    /** The last stimulus changed nothing: no new version, nothing sent. */
    SagaScript<D> expectIgnored() {
        assertThat(saga().version()).as("saga version").isEqualTo(versionBefore);
        return expectNoCommand();
    }

    /** Time passes; every timer that falls due fires, as the service's timer poll would. */
    SagaScript<D> elapse(Duration time) {
        clock.advance(time);
        versionBefore = saga().version();
        engine.fireDueTimers(this);
        return this;
    }

    /**
     * The service was down for {@code outage} (no timer fired meanwhile) and starts again after a promotion: it asks
     * every saga in flight to send again, then its timer poll runs.
     */
    SagaScript<D> restartedAfterPromotion(Duration outage) {
        clock.advance(outage);
        versionBefore = saga().version();
        engine.resendInFlight(this);
        engine.fireDueTimers(this);
        return this;
    }

    SagaScript<D> compensate(String reason) {
        versionBefore = saga().version();
        inTransaction(tx -> engine.compensate(tx, sagaId, reason));
        return this;
    }

    SagaScript<D> retry() {
        versionBefore = saga().version();
        inTransaction(tx -> engine.retry(tx, sagaId));
        return this;
    }

    /** The saga waits for the reply to the command it just sent: due exactly one step timeout from now. */
    SagaScript<D> expectTimeoutIn(Duration timeout) {
        assertThat(saga().deadline()).as("deadline")
                .isEqualTo(new SagaInstance.Deadline(clock.instant().plus(timeout), SagaInstance.Deadline.Kind.TIMEOUT));
        return this;
    }

    /** The saga waits to send again: after this backoff, shortened by the policy's jitter (up to 20%). */
    SagaScript<D> expectRetryWithin(Duration backoff) {
        SagaInstance.Deadline deadline = saga().deadline();
        assertThat(deadline).as("deadline").isNotNull();
        assertThat(deadline.kind()).as("deadline kind").isEqualTo(SagaInstance.Deadline.Kind.RETRY);
        Instant latest = clock.instant().plus(backoff);
        Instant earliest = clock.instant().plus(backoff.multipliedBy(8).dividedBy(10));
        assertThat(deadline.dueAt()).as("retry due").isBetween(earliest, latest);
        return this;
    }

    /** Nothing to wait for: no timer will fire for this saga. */
    SagaScript<D> expectNoDeadline() {
        assertThat(saga().deadline()).as("deadline").isNull();
        return this;
    }

    /** How often the command the saga waits on has been sent (the budget it has used). */
    SagaScript<D> expectWaitAttempts(int attempts) {
        assertThat(saga().waitAttempts()).as("attempts of the awaited command").isEqualTo(attempts);
        return this;
    }

    /** The step's log entry: its status, how often it was sent, and the last error it recorded. */
    SagaScript<D> expectStep(String step, StepStatus status, int attempts, String error) {
        assertThat(saga().steps()).filteredOn(s -> s.name().equals(step)).singleElement()
                .satisfies(s -> {
                    assertThat(s.status()).as("status of " + step).isEqualTo(status);
                    assertThat(s.attempts()).as("attempts of " + step).isEqualTo(attempts);
                    assertThat(s.error()).as("error of " + step).isEqualTo(error);
                });
        return this;
    }

    SagaScript<D> expectStatus(SagaStatus status) {
        assertThat(saga().status()).as("saga status").isEqualTo(status);
        return this;
    }

    SagaScript<D> expectStep(String step, StepStatus status) {
        assertThat(saga().steps()).filteredOn(s -> s.name().equals(step)).singleElement()
                .extracting(StepState::status).as("status of " + step).isEqualTo(status);
        return this;
    }

    SagaScript<D> expectFailure(SagaFailure.Kind kind, String reason) {
        assertThat(saga().failure()).as("why the saga compensates").isEqualTo(new SagaFailure(kind, reason));
        return this;
    }

    SagaScript<D> expectAlert(String containing) {
        assertThat(saga().alert()).as("alert").contains(containing);
        return this;
    }

    SagaScript<D> expectNoAlert() {
        assertThat(saga().alert()).as("alert").isNull();
        return this;
    }

    SagaInstance<D> saga() {
        return inTransaction(tx -> engine.find(tx, sagaId)).orElseThrow();
    }

    /** How many transitions the listener was told of (one per saved change). */
    int snapshots() {
        return snapshots;
    }

    /** The transitions the listener was told of, in order. */
    List<Seen> seen() {
        return List.copyOf(seen);
    }

    SagaEngine<D> engine() {
        return engine;
    }

    /** Another saga type run by its own engine on this script's store (as services share one saga table). */
    SagaEngine<D> engineOnSameStore(SagaDefinition<D> other) {
        return new SagaEngine<>(other, store, (tx, saga) -> { });
    }

    Instant now() {
        return clock.instant();
    }

    String sagaId() {
        return sagaId;
    }

    /** One stimulus, one transaction: what it sent counts only if it returned. */
    @Override
    public <T> T inTransaction(SqlWork<T> work) {
        RecordingTransaction tx = new RecordingTransaction(clock.instant());
        try {
            T result = work.run(tx);
            sent.addAll(tx.commit());
            return result;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
