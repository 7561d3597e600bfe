package dev.oms.saga;

import com.google.protobuf.Message;
import dev.oms.messaging.TransactionContext;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A transaction without a database: what it emits is recorded, and it "commits" when the test says. */
final class RecordingTransaction implements TransactionContext {
    /** A message as the outbox would have it. */
    record Sent(String topic, String correlationId, String sagaId, Message payload) {}

    private final Instant now;
    private final List<Sent> emitted = new ArrayList<>();
    private final List<Runnable> afterCommit = new ArrayList<>();

    RecordingTransaction(Instant now) {
        this.now = now;
    }

    @Override
    public Connection connection() {
        throw new UnsupportedOperationException("the engine under test must not touch a database");
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public void emit(String topic, String correlationId, String sagaId, Message payload) {
        emitted.add(new Sent(topic, correlationId, sagaId, payload));
    }

    @Override
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    List<Sent> commit() {
        afterCommit.forEach(Runnable::run);
        return emitted;
    }
}
