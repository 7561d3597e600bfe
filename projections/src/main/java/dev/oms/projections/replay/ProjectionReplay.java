package dev.oms.projections.replay;

import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.oms.audit.AuditLog;
import dev.oms.audit.AuditQuery;
import dev.oms.audit.AuditReader;
import dev.oms.audit.AuditRecord;
import dev.oms.contracts.Channels;
import dev.oms.contracts.Upcasters;
import dev.oms.messaging.IncomingMessage;
import dev.oms.projections.ProjectionsService;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Rebuilds a projection from the audit log while the live consumer goes on: the audit log is applied by the
 * projection's own handler to fresh tables, then, with the live tables locked for a moment, the messages appended
 * since are applied too and the tables are swapped in one transaction. Before the swap it waits until the audit log
 * holds every message the live consumer has applied, so the rebuilt tables lack nothing the live ones have.
 * The audit log and the projection must live in one database.
 */
public final class ProjectionReplay {
    /** Appends committed later than a read started, but numbered before what it saw, are looked for this far back. */
    private static final Duration STRAGGLERS = Duration.ofSeconds(5);
    private static final Duration AUDIT_CATCH_UP = Duration.ofSeconds(30);
    private static final int SWAP_ATTEMPTS = 5;

    /** Where to start ({@code from} null: all of history into empty tables) and how many workers apply events. */
    public record Options(Instant from, int workers) {}

    /** Told how many events were applied out of how many there are to apply. */
    @FunctionalInterface
    public interface Progress {
        void update(long applied, long total);
    }

    /** What a rebuild did: events in the bulk pass, events applied at the swap, and how long it all took. */
    public record Report(String projection, long events, long tailEvents, Duration elapsed) {
        public double eventsPerSecond() {
            return (events + tailEvents) / Math.max(elapsed.toNanos() / 1e9, 1e-9);
        }
    }

    private final DataSource dataSource;

    /** {@code dataSource} connects as the owner of the projections schema. */
    public ProjectionReplay(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Report rebuild(ReplayableProjection projection, Options options, Progress progress) throws SQLException {
        long start = System.nanoTime();
        String live = ProjectionsService.NAME;
        StagingTables staging = new StagingTables(live, live + "_replay_" + projection.name(), projection.tables());
        AuditQuery query = AuditQuery.all().ofTypes(Upcasters.withOlderVersions(projection.types())).onTopic(Channels.EVENTS)
                .between(options.from(), null);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            staging.create(c, options.from() != null);
            Instant readStart = databaseNow(c);
            long total = count(c, query);
            AtomicLong lastSeq = new AtomicLong();
            int workers = projection.parallel() ? Math.max(1, options.workers()) : 1;
            long events;
            try (ReplayWorkers pool = new ReplayWorkers(dataSource, staging.schema(), projection.messageHandler(),
                    workers)) {
                events = AuditReader.read(c, query, record -> {
                    lastSeq.accumulateAndGet(record.seq(), Math::max);
                    IncomingMessage message = messageOf(record);
                    pool.submit(keyOf(message), message);
                    if (pool.submitted() % 5_000 == 0) {
                        progress.update(pool.applied(), total);
                    }
                });
                pool.finish();
            }
            progress.update(events, Math.max(total, events));
            staging.buildDeferredIndexes(c);
            long tail = swap(c, staging, projection,
                    query.appendedAfter(lastSeq.get(), readStart.minus(STRAGGLERS)));
            return new Report(projection.name(), events, tail, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** Locks the live tables, applies what was appended since the bulk read and swaps; retried on lock conflicts. */
    private long swap(Connection c, StagingTables staging, ReplayableProjection projection, AuditQuery tailQuery)
            throws SQLException {
        String retired = ProjectionsService.NAME + "_retired_" + projection.name();
        staging.drop(c, retired);
        for (int attempt = 1; ; attempt++) {
            awaitAuditHoldsLiveInbox(c);
            c.setAutoCommit(false);
            try {
                execute(c, "SET LOCAL lock_timeout = '5s'");
                staging.lockLive(c);
                awaitAuditHoldsLiveInbox(c);
                List<IncomingMessage> tail = new ArrayList<>();
                AuditReader.read(c, tailQuery, record -> tail.add(messageOf(record)));
                execute(c, "SET LOCAL search_path TO " + staging.schema());
                ReplayContext context = new ReplayContext(c);
                for (IncomingMessage message : tail) {
                    projection.messageHandler().handle(message, context);
                }
                staging.swap(c, retired);
                c.commit();
                c.setAutoCommit(true);
                staging.drop(c, retired);
                return tail.size();
            } catch (SQLException e) {
                c.rollback();
                c.setAutoCommit(true);
                if (attempt >= SWAP_ATTEMPTS || !isLockConflict(e)) {
                    throw e;
                }
            } catch (RuntimeException e) {
                c.rollback();
                c.setAutoCommit(true);
                throw e;
            } catch (Exception e) {
                c.rollback();
                c.setAutoCommit(true);
                throw new SQLException("replaying the tail failed: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Every message the live consumer has applied must be in the audit log before the swap, or the rebuilt tables
     * would miss it; the audit consumer runs on its own, so it may briefly lag.
     */
    private static void awaitAuditHoldsLiveInbox(Connection c) throws SQLException {
        long deadline = System.nanoTime() + AUDIT_CATCH_UP.toNanos();
        long missing;
        while ((missing = missingFromAudit(c)) > 0) {
            if (System.nanoTime() > deadline) {
                throw new SQLException("the audit log lacks " + missing + " message(s) the live projection applied");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for the audit log", e);
            }
        }
    }

    private static long missingFromAudit(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT count(*) FROM %s.inbox i
                 WHERE i.consumer = ? AND NOT EXISTS (SELECT 1 FROM %s m WHERE m.message_id = i.message_id)"""
                .formatted(ProjectionsService.NAME, AuditLog.TABLE))) {
            select.setString(1, ProjectionsService.NAME);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static boolean isLockConflict(SQLException e) {
        return "55P03".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
    }

    static IncomingMessage messageOf(AuditRecord record) {
        return IncomingMessage.read(record.envelope(), record.payload(), record.topic(), 0, record.seq());
    }

    /** The order an event concerns: its order_id field, else its correlation id. */
    static String keyOf(IncomingMessage message) {
        FieldDescriptor field = message.payload().getDescriptorForType().findFieldByName("order_id");
        if (field != null && !field.isRepeated() && field.getJavaType() == FieldDescriptor.JavaType.STRING) {
            String orderId = (String) message.payload().getField(field);
            if (!orderId.isEmpty()) {
                return orderId;
            }
        }
        return message.envelope().correlationId();
    }

    private static long count(Connection c, AuditQuery query) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT count(*) FROM " + AuditLog.TABLE
                + " WHERE type = ANY(?) AND topic = ? AND occurred_at >= COALESCE(?::timestamptz, '-infinity')")) {
            select.setArray(1, c.createArrayOf("text", query.types().toArray()));
            select.setString(2, query.topic());
            select.setTimestamp(3, query.from() == null ? null : java.sql.Timestamp.from(query.from()));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static Instant databaseNow(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet row = s.executeQuery("SELECT clock_timestamp()")) {
            row.next();
            return row.getTimestamp(1).toInstant();
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
