package dev.oms.projections.replay;

import dev.oms.audit.AuditQuery;
import dev.oms.audit.AuditReader;
import dev.oms.audit.AuditRecord;
import dev.oms.messaging.IncomingMessage;
import dev.oms.projections.ProjectionsService;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Swaps rebuilt tables in, in one transaction: lock the live tables (in the order the handler writes them, so a live
 * transaction never deadlocks with the swap), make sure the audit log holds every message the live consumer applied,
 * apply those of them the rebuild has not read, optionally compare checksums, and move the live tables out and the
 * rebuilt ones in. Messages the live consumer has not applied yet are left to it: it applies them to the rebuilt
 * tables right after, as a live statement blocked on the lock resolves the table name again. Replaced tables that
 * differed are kept in schema {@code projections_retired_<name>} for a look; others are dropped.
 */
final class Swap {
    private static final Duration AUDIT_CATCH_UP = Duration.ofSeconds(30);
    /** A live transaction that began this long before the first check may commit after it. */
    private static final Duration IN_FLIGHT = Duration.ofSeconds(5);
    private static final int ATTEMPTS = 5;

    /** What the swap applied, and how the tables compared. */
    record Done(long tail, Comparison comparison) {}

    private final Connection c;
    private final StagingTables staging;
    private final ReplayableProjection projection;
    private final LiveConsumer live;
    private final String retired;

    Swap(Connection c, StagingTables staging, ReplayableProjection projection, LiveConsumer live) {
        this.c = c;
        this.staging = staging;
        this.projection = projection;
        this.live = live;
        this.retired = ProjectionsService.NAME + "_retired_" + projection.name();
    }

    /** Retried on lock conflicts; {@code notCompared} null to compare checksums, else why they are not. */
    Done run(AuditQuery query, ReadMark mark, Comparison.NotCompared notCompared) throws SQLException {
        staging.drop(c, retired);
        for (int attempt = 1; ; attempt++) {
            Instant checked = ProjectionReplay.databaseNow(c);
            live.awaitAuditHoldsApplied(c, null, AUDIT_CATCH_UP);
            c.setAutoCommit(false);
            try {
                ProjectionReplay.execute(c, "SET LOCAL lock_timeout = '5s'");
                staging.lockLive(c);
                live.awaitAuditHoldsApplied(c, checked.minus(IN_FLIGHT), AUDIT_CATCH_UP);
                List<IncomingMessage> tail = appliedSinceRead(query, mark);
                ProjectionReplay.execute(c, "SET LOCAL search_path TO " + staging.schema());
                ReplayContext context = new ReplayContext(c);
                for (IncomingMessage message : tail) {
                    projection.messageHandler().handle(message, context);
                }
                Comparison comparison = notCompared != null ? notCompared : compare();
                staging.swap(c, retired);
                c.commit();
                c.setAutoCommit(true);
                if (!(comparison instanceof Comparison.Differ)) {
                    staging.drop(c, retired);
                }
                return new Done(tail.size(), comparison);
            } catch (SQLException e) {
                rollback();
                if (attempt >= ATTEMPTS || !isLockConflict(e)) {
                    throw e;
                }
            } catch (RuntimeException e) {
                rollback();
                throw e;
            } catch (Exception e) {
                rollback();
                throw new SQLException("replaying the tail failed: " + e.getMessage(), e);
            }
        }
    }

    /** The messages the rebuild did not read that the live consumer has applied, in the order they happened. */
    private List<IncomingMessage> appliedSinceRead(AuditQuery query, ReadMark mark) throws SQLException {
        List<AuditRecord> unseen = new ArrayList<>();
        AuditReader.read(c, mark.since(query), record -> {
            if (mark.unseen(record)) {
                unseen.add(record);
            }
        });
        Set<UUID> applied = LiveConsumer.applied(c, unseen.stream().map(r -> r.envelope().messageId()).toList());
        return unseen.stream().filter(r -> applied.contains(r.envelope().messageId()))
                .map(ProjectionReplay::messageOf).toList();
    }

    private Comparison compare() throws SQLException {
        List<String> differing = staging.differingFromLive(c);
        return differing.isEmpty() ? new Comparison.Equal() : new Comparison.Differ(differing, retired);
    }

    private void rollback() throws SQLException {
        c.rollback();
        c.setAutoCommit(true);
    }

    private static boolean isLockConflict(SQLException e) {
        return "55P03".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
    }
}
