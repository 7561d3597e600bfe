package dev.oms.projections;

import com.google.protobuf.Message;
import com.zaxxer.hikari.HikariDataSource;
import dev.oms.audit.AuditEntry;
import dev.oms.audit.AuditLog;
import dev.oms.audit.AuditWriter;
import dev.oms.contracts.Channels;
import dev.oms.contracts.Envelope;
import dev.oms.contracts.MessageTypes;
import dev.oms.infra.SharedTestInfra;
import dev.oms.messaging.Inbox;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.ServiceRuntime;
import dev.oms.projections.replay.ReplayableProjection;
import dev.oms.projections.replay.TableChecksum;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The projections and the audit log on one fresh database, as the platform runs them: every event is appended to the
 * audit log, then applied by the live handler through the inbox in a transaction of its own.
 */
final class ReplayFixture implements AutoCloseable {
    final HikariDataSource dataSource;
    private final ServiceRuntime runtime;
    private final ProjectionsService service;
    private final AtomicLong offset = new AtomicLong();
    /** With polls: events wait here until a poll of its drawn size is full, then are applied in one transaction. */
    private final java.util.Random polls;
    private final int maxPoll;
    private final List<IncomingMessage> pending = new java.util.ArrayList<>();
    private int pollSize;

    ReplayFixture() {
        this(0, 0);
    }

    /** Applies events as the live consumer does under load: in polls of 1 to {@code maxPoll} events, drawn by seed. */
    ReplayFixture(int maxPoll, long seed) {
        this.maxPoll = maxPoll;
        this.polls = new java.util.Random(seed);
        this.pollSize = maxPoll > 0 ? 1 + polls.nextInt(maxPoll) : 1;
        dataSource = SharedTestInfra.freshDatabase("replay").dataSource("replay-it", ProjectionsService.NAME, 8);
        runtime = new ServiceRuntime(ProjectionsService.NAME, dataSource, "127.0.0.1:9", Clock.systemUTC());
        runtime.migrate();
        AuditLog.migrate(dataSource, Instant.now());
        service = ProjectionsService.register(runtime);
    }

    /** Records and applies one event of {@code orderId}, emitted at {@code at}. */
    void publish(String key, Message event, Instant at) {
        String type = MessageTypes.typeOf(event);
        Envelope envelope = new Envelope(UUID.randomUUID(), type, MessageTypes.schemaVersionOf(type), key, null, null,
                at, null, "test");
        IncomingMessage message = new IncomingMessage(envelope, event, Channels.EVENTS, 0, offset.incrementAndGet());
        runtime.transactions().inTransaction(tx -> AuditWriter.append(tx.connection(), List.of(new AuditEntry(
                envelope, Channels.EVENTS, 0, message.offset(), event.toByteArray(), null))));
        if (maxPoll == 0) {
            runtime.transactions().inTransaction(envelope, tx -> {
                if (Inbox.firstDelivery(tx.connection(), ProjectionsService.NAME, envelope.messageId())) {
                    service.handler().handle(message, tx);
                }
                return null;
            });
            return;
        }
        synchronized (pending) {
            pending.add(message);
            if (pending.size() >= pollSize) {
                flush();
            }
        }
    }

    /** Applies the events still waiting for their poll, as one poll. */
    void flush() {
        synchronized (pending) {
            if (pending.isEmpty()) {
                return;
            }
            List<IncomingMessage> poll = List.copyOf(pending);
            pending.clear();
            pollSize = 1 + polls.nextInt(maxPoll);
            runtime.transactions().inTransaction(tx -> {
                service.handler().beforeBatch(poll, tx);
                for (IncomingMessage message : poll) {
                    if (Inbox.firstDelivery(tx.connection(), ProjectionsService.NAME, message.envelope().messageId())) {
                        service.handler().handle(message, tx);
                    }
                }
                return null;
            });
        }
    }

    /** Every table of the projection, by name, as a row count and checksum. */
    Map<String, String> checksums(ReplayableProjection projection) throws SQLException {
        Map<String, String> sums = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (String table : projection.tables()) {
                sums.put(table, TableChecksum.of(c, ProjectionsService.NAME, table));
            }
        }
        return sums;
    }

    @Override
    public void close() {
        runtime.close();
        dataSource.close();
    }
}
