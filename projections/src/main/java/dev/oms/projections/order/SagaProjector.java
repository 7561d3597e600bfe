package dev.oms.projections.order;

import dev.oms.contracts.Envelope;
import dev.oms.contracts.order.v1.SagaStep;
import dev.oms.contracts.order.v1.SagaUpdated;
import dev.oms.projections.internal.EventRoutes;
import dev.oms.projections.internal.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sagas behind an order, from their snapshots; only a snapshot of a newer version replaces the one kept.
 * Snapshots carry no step times, so a step's start and end are the times of the snapshots that first showed
 * them: a snapshot skipped by a newer one's overtaking it only makes a time later, never wrong in order. Each SQL
 * write has an in-memory twin a rebuild folds events with.
 */
final class SagaProjector {
    /** Statuses a step rests in until an operator or a compensation moves it again. */
    private static final Set<String> ENDED_STATUSES = Set.of("SUCCEEDED", "FAILED", "TIMED_OUT", "COMPENSATED");
    private static final String ENDED = ENDED_STATUSES.stream().sorted().map(status -> "'" + status + "'")
            .collect(Collectors.joining(", ", "(", ")"));

    private SagaProjector() {}

    static void routeTo(EventRoutes routes) {
        routes.on(SagaUpdated.getDefaultInstance(), SagaProjector::updated);
    }

    static void foldTo(FoldRoutes routes) {
        routes.on(SagaUpdated.getDefaultInstance(), SagaProjector::updated);
    }

    static void updated(SagaUpdated event, Envelope envelope, Connection c) throws SQLException {
        OrderRows.touch(c, event.getOrderId(), envelope.occurredAt());
        if (!OrderPollWrites.sagaWritten(c, envelope.messageId())) {
            updatedAll(c, List.of(new Snapshot(event, envelope.occurredAt())));
        }
    }

    /** A snapshot and when it was taken. */
    record Snapshot(SagaUpdated event, Instant at) {}

    /**
     * Applies snapshots of distinct sagas in two statements: the saga rows that are older than their snapshot are
     * replaced, and only those sagas' steps are written.
     */
    static void updatedAll(Connection c, List<Snapshot> snapshots) throws SQLException {
        if (snapshots.isEmpty()) {
            return;
        }
        Set<String> saved = saveSagas(c, snapshots);
        List<Snapshot> newer = snapshots.stream().filter(s -> saved.contains(s.event().getSagaId())).toList();
        if (!newer.isEmpty()) {
            saveSteps(c, newer);
        }
    }

    private static Set<String> saveSagas(Connection c, List<Snapshot> snapshots) throws SQLException {
        int n = snapshots.size();
        String[] ids = new String[n];
        String[] orders = new String[n];
        String[] types = new String[n];
        String[] statuses = new String[n];
        Long[] versions = new Long[n];
        Timestamp[] times = new Timestamp[n];
        for (int i = 0; i < n; i++) {
            SagaUpdated event = snapshots.get(i).event();
            ids[i] = event.getSagaId();
            orders[i] = event.getOrderId();
            types[i] = event.getSagaType();
            statuses[i] = event.getStatus();
            versions[i] = event.getVersion();
            times[i] = Jdbc.timestamp(snapshots.get(i).at());
        }
        try (PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO order_saga_view (saga_id, order_id, saga_type, status, version, started_at, updated_at)
                SELECT id, order_id, saga_type, status, version, at, at
                  FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::timestamptz[])
                       AS s (id, order_id, saga_type, status, version, at)
                ON CONFLICT (saga_id) DO UPDATE SET
                    saga_type = excluded.saga_type, status = excluded.status, version = excluded.version,
                    started_at = LEAST(order_saga_view.started_at, excluded.started_at),
                    updated_at = excluded.updated_at
                WHERE order_saga_view.version < excluded.version
                RETURNING saga_id""")) {
            upsert.setArray(1, c.createArrayOf("text", ids));
            upsert.setArray(2, c.createArrayOf("text", orders));
            upsert.setArray(3, c.createArrayOf("text", types));
            upsert.setArray(4, c.createArrayOf("text", statuses));
            upsert.setArray(5, c.createArrayOf("int8", versions));
            upsert.setArray(6, c.createArrayOf("timestamptz", times));
            Set<String> saved = new HashSet<>();
            try (ResultSet rows = upsert.executeQuery()) {
                while (rows.next()) {
                    saved.add(rows.getString(1));
                }
            }
            return saved;
        }
    }

    /**
     * Writes the steps of the snapshots that differ from the rows kept and drops rows past each one's last step, in
     * one statement: most snapshots repeat most steps unchanged, and an upsert of an unchanged row would still lock
     * it (a WAL record and a dirtied page each).
     */
    private static void saveSteps(Connection c, List<Snapshot> snapshots) throws SQLException {
        List<String> sagaIds = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        List<Integer> attempts = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<Timestamp> times = new ArrayList<>();
        String[] counted = new String[snapshots.size()];
        Integer[] counts = new Integer[snapshots.size()];
        for (int s = 0; s < snapshots.size(); s++) {
            SagaUpdated event = snapshots.get(s).event();
            Timestamp at = Jdbc.timestamp(snapshots.get(s).at());
            counted[s] = event.getSagaId();
            counts[s] = event.getStepsCount();
            for (int i = 0; i < event.getStepsCount(); i++) {
                SagaStep step = event.getSteps(i);
                sagaIds.add(event.getSagaId());
                positions.add(i);
                names.add(step.getName());
                kinds.add(step.getKind());
                statuses.add(step.getStatus());
                attempts.add(step.getAttempts());
                errors.add(step.getError().isEmpty() ? null : step.getError());
                times.add(at);
            }
        }
        try (PreparedStatement upsert = c.prepareStatement("""
                WITH snapshot (saga_id, position, name, kind, status, attempts, error, at) AS (
                    SELECT * FROM unnest(?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[],
                                         ?::timestamptz[])),
                step_count (saga_id, steps) AS (SELECT * FROM unnest(?::text[], ?::int[])),
                changed AS (
                    SELECT snapshot.* FROM snapshot
                    LEFT JOIN order_saga_step_view kept
                           ON kept.saga_id = snapshot.saga_id AND kept.position = snapshot.position
                    WHERE kept.saga_id IS NULL
                       OR (kept.name, kept.kind, kept.status, kept.attempts, kept.error)
                          IS DISTINCT FROM (snapshot.name, snapshot.kind, snapshot.status, snapshot.attempts,
                                            snapshot.error)),
                removed AS (DELETE FROM order_saga_step_view kept USING step_count
                             WHERE kept.saga_id = step_count.saga_id AND kept.position >= step_count.steps)
                INSERT INTO order_saga_step_view (saga_id, position, name, kind, status, attempts, error, started_at,
                                                  ended_at)
                SELECT saga_id, position, name, kind, status, attempts, error,
                       CASE WHEN status <> 'PENDING' THEN at END,
                       CASE WHEN status IN %1$s THEN at END
                  FROM changed
                ON CONFLICT (saga_id, position) DO UPDATE SET
                    name = excluded.name, kind = excluded.kind, status = excluded.status,
                    attempts = excluded.attempts, error = excluded.error,
                    started_at = COALESCE(order_saga_step_view.started_at, excluded.started_at),
                    ended_at = CASE
                        WHEN excluded.status NOT IN %1$s THEN NULL
                        WHEN order_saga_step_view.status = excluded.status
                            THEN COALESCE(order_saga_step_view.ended_at, excluded.ended_at)
                        ELSE excluded.ended_at END
                """.formatted(ENDED))) {
            upsert.setArray(1, c.createArrayOf("text", sagaIds.toArray()));
            upsert.setArray(2, c.createArrayOf("int4", positions.toArray()));
            upsert.setArray(3, c.createArrayOf("text", names.toArray()));
            upsert.setArray(4, c.createArrayOf("text", kinds.toArray()));
            upsert.setArray(5, c.createArrayOf("text", statuses.toArray()));
            upsert.setArray(6, c.createArrayOf("int4", attempts.toArray()));
            upsert.setArray(7, c.createArrayOf("text", errors.toArray()));
            upsert.setArray(8, c.createArrayOf("timestamptz", times.toArray()));
            upsert.setArray(9, c.createArrayOf("text", counted));
            upsert.setArray(10, c.createArrayOf("int4", counts));
            upsert.executeUpdate();
        }
    }

    static void updated(SagaUpdated event, Envelope envelope, FoldedOrder order) {
        Instant at = envelope.occurredAt();
        order.touch(at);
        FoldedOrder.Saga saga = order.sagas.get(event.getSagaId());
        if (saga == null) {
            saga = new FoldedOrder.Saga();
            saga.startedAt = at;
            order.sagas.put(event.getSagaId(), saga);
        } else if (saga.version >= event.getVersion()) {
            return;
        }
        saga.type = event.getSagaType();
        saga.status = event.getStatus();
        saga.version = event.getVersion();
        saga.startedAt = FoldedOrder.earlier(saga.startedAt, at);
        saga.updatedAt = at;
        for (int i = 0; i < event.getStepsCount(); i++) {
            saveStep(saga.steps.computeIfAbsent(i, position -> new FoldedOrder.Step()), event.getSteps(i), at);
        }
        saga.steps.tailMap(event.getStepsCount()).clear();
    }

    private static void saveStep(FoldedOrder.Step row, SagaStep step, Instant at) {
        boolean ended = ENDED_STATUSES.contains(step.getStatus());
        Instant endedAt = ended ? at : null;
        if (row.startedAt == null && !"PENDING".equals(step.getStatus())) {
            row.startedAt = at;
        }
        row.endedAt = !ended ? null : step.getStatus().equals(row.status) && row.endedAt != null ? row.endedAt : endedAt;
        row.name = step.getName();
        row.kind = step.getKind();
        row.status = step.getStatus();
        row.attempts = step.getAttempts();
        row.error = step.getError().isEmpty() ? null : step.getError();
    }
}
