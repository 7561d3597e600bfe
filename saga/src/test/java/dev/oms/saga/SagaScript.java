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
import java.util.ArrayDeque;
import java.util.Deque;
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

    private SagaScript(SagaDefinition<D> definition) {
        this.engine = new SagaEngine<>(definition, store, (tx, saga) -> snapshots++);
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

    SagaScript<D> expectNoCommand() {
        assertThat(sent).as("commands sent").isEmpty();
        return this;
    }

    /** A participant's reply to this saga, delivered through the bus (as often as the test calls it). */
    SagaScript<D> reply(Message reply) {
        Envelope envelope = new Envelope(UUID.randomUUID(), MessageTypes.typeOf(reply), 1, correlationId, null, sagaId,
                clock.instant(), null, "participant");
        IncomingMessage message = new IncomingMessage(envelope, reply, Channels.EVENTS, 0, 0);
        versionBefore = saga().version();
        boolean ours = inTransaction(tx -> engine.onReply(tx, message));
        assertThat(ours).as("the engine knows saga " + sagaId).isTrue();
        return this;
    }

    /** A reply that names a saga this engine does not run; returns whether the engine took it as its own. */
    boolean replyForAnotherSaga(Message reply) {
        Envelope envelope = new Envelope(UUID.randomUUID(), MessageTypes.typeOf(reply), 1, correlationId, null,
                "no-such-saga", clock.instant(), null, "participant");
        IncomingMessage message = new IncomingMessage(envelope, reply, Channels.EVENTS, 0, 0);
        return inTransaction(tx -> engine.onReply(tx, message));
    }

    /** What an operator's compensate of a saga that does not exist finds. */
    boolean compensateUnknownFindsASaga() {
        return inTransaction(tx -> engine.compensate(tx, "no-such-saga", "x")).isPresent();
    }

    SagaScript<D> expectWaitAttempts(int attempts) {
        assertThat(saga().waitAttempts()).as("times the awaited command was sent").isEqualTo(attempts);
        return this;
    }

    SagaScript<D> expectSnapshots(int count) {
        assertThat(snapshots).as("transitions the listener was told of").isEqualTo(count);
        return this;
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
