package dev.oms.projections.replay;

import dev.oms.audit.AuditLog;
import dev.oms.audit.AuditQuery;
import dev.oms.projections.ProjectionsService;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * What the live projections consumer has applied, as its inbox tells, set against the audit log. The audit log and
 * the live consumer each read the bus on their own, so either may be a little ahead of the other; the time spent
 * waiting for one to catch up is counted apart from the rebuild's own work.
 */
final class LiveConsumer {
    private static final String INBOX = ProjectionsService.NAME + ".inbox";
    private static final Duration POLL = Duration.ofMillis(50);

    private long waitedNanos;

    Duration waited() {
        return Duration.ofNanos(waitedNanos);
    }

    /**
     * Waits until the audit log holds every message the live consumer applied (since {@code since}, or ever when
     * null), or the rebuilt tables would miss it.
     *
     * @throws SQLException when the audit log still lacks some after {@code patience}
     */
    void awaitAuditHoldsApplied(Connection c, Instant since, Duration patience) throws SQLException {
        long missing = awaitZero(patience, () -> count(c, """
                SELECT count(*) FROM %s i
                 WHERE i.consumer = ? AND i.processed_at >= COALESCE(?::timestamptz, '-infinity')
                   AND NOT EXISTS (SELECT 1 FROM %s m WHERE m.message_id = i.message_id)"""
                .formatted(INBOX, AuditLog.TABLE), ProjectionsService.NAME, timestamp(since)));
        if (missing > 0) {
            throw new SQLException("the audit log lacks " + missing + " message(s) the live projection applied");
        }
    }

    /**
     * Waits until the live consumer has applied every message of {@code query} numbered up to {@code lastSeq};
     * returns how many it still had not after {@code patience} (0: caught up).
     */
    long awaitApplied(Connection c, AuditQuery query, long lastSeq, Duration patience) throws SQLException {
        return awaitZero(patience, () -> count(c, """
                SELECT count(*) FROM %s m
                 WHERE m.type = ANY(?) AND m.topic = ? AND m.occurred_at >= COALESCE(?::timestamptz, '-infinity')
                   AND m.seq <= ?
                   AND NOT EXISTS (SELECT 1 FROM %s i WHERE i.consumer = ? AND i.message_id = m.message_id)"""
                .formatted(AuditLog.TABLE, INBOX), c.createArrayOf("text", query.types().toArray()), query.topic(),
                timestamp(query.from()), lastSeq, ProjectionsService.NAME));
    }

    /** The messages among {@code ids} that the live consumer has applied (in a committed transaction). */
    static Set<UUID> applied(Connection c, Collection<UUID> ids) throws SQLException {
        Set<UUID> applied = new HashSet<>();
        if (ids.isEmpty()) {
            return applied;
        }
        try (PreparedStatement select = c.prepareStatement(
                "SELECT message_id FROM " + INBOX + " WHERE consumer = ? AND message_id = ANY(?)")) {
            select.setString(1, ProjectionsService.NAME);
            select.setArray(2, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    applied.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return applied;
    }

    @FunctionalInterface
    private interface Count {
        long get() throws SQLException;
    }

    private long awaitZero(Duration patience, Count count) throws SQLException {
        long deadline = System.nanoTime() + patience.toNanos();
        long left;
        while ((left = count.get()) > 0 && System.nanoTime() < deadline) {
            try {
                waitedNanos += POLL.toNanos();
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for the live consumer", e);
            }
        }
        return left;
    }

    private static long count(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
