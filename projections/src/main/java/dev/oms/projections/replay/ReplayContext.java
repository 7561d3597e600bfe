package dev.oms.projections.replay;

import com.google.protobuf.Message;
import dev.oms.messaging.TransactionContext;
import java.sql.Connection;
import java.time.Instant;

/** The transaction a replayed event is applied in: a projection emits nothing, and a rebuild tells no listener. */
final class ReplayContext implements TransactionContext {
    private final Connection connection;

    ReplayContext(Connection connection) {
        this.connection = connection;
    }

    @Override
    public Connection connection() {
        return connection;
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public void emit(String topic, String correlationId, String sagaId, Message payload) {
        throw new UnsupportedOperationException("a projection emits no messages");
    }

    @Override
    public void afterCommit(Runnable action) {
        // live updates are for the live consumer; a rebuild changes nothing a listener has not already been told
    }
}
