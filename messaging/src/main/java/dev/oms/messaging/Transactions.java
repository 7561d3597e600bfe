package dev.oms.messaging;

import com.google.protobuf.Message;
import dev.oms.contracts.Envelope;
import dev.oms.contracts.MessageTypes;
import io.opentelemetry.context.Scope;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Runs work in a transaction of one service's schema, writing what the work emits to the outbox
 * before the commit. After a commit that emitted anything, the relay is woken up.
 */
public final class Transactions implements TransactionRunner {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Transactions.class);
    private final String service;
    private final DataSource dataSource;
    private final Clock clock;
    private final Runnable onOutboxWritten;
    private final MessageSchemas schemas;

    public Transactions(String service, DataSource dataSource, Clock clock, Runnable onOutboxWritten) {
        this.service = service;
        this.dataSource = dataSource;
        this.clock = clock;
        this.onOutboxWritten = onOutboxWritten;
        this.schemas = new MessageSchemas(service);
    }

    /** The message types this service declared it produces and consumes. */
    MessageSchemas schemas() {
        return schemas;
    }

    public String service() {
        return service;
    }

    public Clock clock() {
        return clock;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public <T> T inTransaction(SqlWork<T> work) {
        return inTransaction(null, work);
    }

    /** Runs {@code work} as the handling of {@code cause} (null for work not caused by a message). */
    public <T> T inTransaction(Envelope cause, SqlWork<T> work) {
        return inOneTransaction(List.of(new Unit<>(cause, work))).get(0);
    }

    /** One piece of work of a shared transaction, done as the handling of {@code cause} (null: not caused by a message). */
    public record Unit<T>(Envelope cause, SqlWork<T> work) {}

    /**
     * Runs several units in one transaction, all or nothing: one commit for a whole poll of messages. Each unit
     * still reads the clock, names its cause and opens its trace span on its own, as if it ran alone.
     */
    public <T> List<T> inOneTransaction(List<Unit<T>> units) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            List<Context> contexts = new ArrayList<>(units.size());
            try {
                List<T> results = new ArrayList<>(units.size());
                for (Unit<T> unit : units) {
                    Context tx = new Context(connection, unit.cause(), clock.instant());
                    contexts.add(tx);
                    Scope traced = tx.trace.activate();
                    try {
                        results.add(unit.work().run(tx));
                    } catch (Exception | Error e) {
                        tx.trace.failed(e);
                        throw e;
                    } finally {
                        traced.close();
                    }
                }
                List<OutgoingMessage> emitted = new ArrayList<>();
                contexts.forEach(tx -> emitted.addAll(tx.emitted));
                Outbox.append(connection, emitted);
                CrashPoints.reached(CrashPoints.TX_BEFORE_COMMIT);
                connection.commit();
                CrashPoints.reached(CrashPoints.TX_AFTER_COMMIT);
                if (!emitted.isEmpty()) {
                    onOutboxWritten.run();
                }
                contexts.forEach(Context::runAfterCommit);
                return results;
            } catch (RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                throw e;
            } catch (Exception e) {
                rollbackQuietly(connection, e);
                throw new TransactionFailedException(e);
            }
        } catch (SQLException e) {
            throw new TransactionFailedException(e);
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    private final class Context implements TransactionContext {
        private final Connection connection;
        private final Envelope cause;
        private final Instant now;
        private final List<OutgoingMessage> emitted = new ArrayList<>();
        private final List<Runnable> afterCommit = new ArrayList<>();
        /** The span this work runs in; what it emits names it (or a span inside it) as the parent. */
        private final TracedWork trace;

        Context(Connection connection, Envelope cause, Instant now) {
            this.connection = connection;
            this.cause = cause;
            this.now = now;
            this.trace = new TracedWork(service, cause);
        }

        @Override
        public Connection connection() {
            return connection;
        }

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public void afterCommit(Runnable action) {
            afterCommit.add(action);
        }

        void runAfterCommit() {
            for (Runnable action : afterCommit) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    log.warn("{} after-commit action failed: {}", service, e.toString());
                }
            }
        }

        @Override
        public void emit(String topic, String correlationId, String sagaId, Message payload) {
            String type = MessageTypes.typeOf(payload);
            schemas.checkProducible(type);
            String saga = sagaId != null ? sagaId : cause == null ? null : cause.sagaId();
            Envelope envelope = new Envelope(
                    UUID.randomUUID(),
                    type,
                    MessageTypes.schemaVersionOf(type),
                    correlationId,
                    cause == null ? null : cause.messageId(),
                    saga,
                    now,
                    trace.emitted(topic, type, correlationId, saga),
                    service);
            emitted.add(OutgoingMessage.of(topic, envelope, payload));
        }
    }
}
