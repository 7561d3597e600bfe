package dev.oms.projections.order;

import dev.oms.contracts.Envelope;
import dev.oms.contracts.order.v1.SagaStep;
import dev.oms.contracts.order.v1.SagaUpdated;
import dev.oms.projections.internal.EventRoutes;
import dev.oms.projections.internal.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
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
        int saved = Jdbc.update(c, """
                INSERT INTO order_saga_view (saga_id, order_id, saga_type, status, version, started_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (saga_id) DO UPDATE SET
                    saga_type = excluded.saga_type, status = excluded.status, version = excluded.version,
                    started_at = LEAST(order_saga_view.started_at, excluded.started_at),
                    updated_at = excluded.updated_at
                WHERE order_saga_view.version < excluded.version""",
                event.getSagaId(), event.getOrderId(), event.getSagaType(), event.getStatus(), event.getVersion(),
                envelope.occurredAt(), envelope.occurredAt());
        if (saved == 1) {
            saveSteps(c, event, Jdbc.timestamp(envelope.occurredAt()));
        }
    }

    /**
     * Writes the steps of the snapshot that differ from the rows kept and drops rows past its last step, in one
     * statement: most snapshots repeat most steps unchanged, and an upsert of an unchanged row would still lock it
     * (a WAL record and a dirtied page each).
     */
    private static void saveSteps(Connection c, SagaUpdated event, Timestamp at) throws SQLException {
        int count = event.getStepsCount();
        Integer[] positions = new Integer[count];
        String[] names = new String[count];
        String[] kinds = new String[count];
        String[] statuses = new String[count];
        Integer[] attempts = new Integer[count];
        String[] errors = new String[count];
        for (int i = 0; i < count; i++) {
            SagaStep step = event.getSteps(i);
            positions[i] = i;
            names[i] = step.getName();
            kinds[i] = step.getKind();
            statuses[i] = step.getStatus();
            attempts[i] = step.getAttempts();
            errors[i] = step.getError().isEmpty() ? null : step.getError();
        }
        try (PreparedStatement upsert = c.prepareStatement("""
                WITH snapshot (position, name, kind, status, attempts, error) AS (
                    SELECT * FROM unnest(?::int[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[])),
                changed AS (
                    SELECT snapshot.* FROM snapshot
                    LEFT JOIN order_saga_step_view kept ON kept.saga_id = ? AND kept.position = snapshot.position
                    WHERE kept.saga_id IS NULL
                       OR (kept.name, kept.kind, kept.status, kept.attempts, kept.error)
                          IS DISTINCT FROM (snapshot.name, snapshot.kind, snapshot.status, snapshot.attempts,
                                            snapshot.error)),
                removed AS (DELETE FROM order_saga_step_view WHERE saga_id = ? AND position >= ?)
                INSERT INTO order_saga_step_view (saga_id, position, name, kind, status, attempts, error, started_at,
                                                  ended_at)
                SELECT ?, position, name, kind, status, attempts, error,
                       CASE WHEN status <> 'PENDING' THEN ?::timestamptz END,
                       CASE WHEN status IN %1$s THEN ?::timestamptz END
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
            upsert.setArray(1, c.createArrayOf("int4", positions));
            upsert.setArray(2, c.createArrayOf("text", names));
            upsert.setArray(3, c.createArrayOf("text", kinds));
            upsert.setArray(4, c.createArrayOf("text", statuses));
            upsert.setArray(5, c.createArrayOf("int4", attempts));
            upsert.setArray(6, c.createArrayOf("text", errors));
            upsert.setString(7, event.getSagaId());
            upsert.setString(8, event.getSagaId());
            upsert.setInt(9, count);
            upsert.setString(10, event.getSagaId());
            upsert.setTimestamp(11, at);
            upsert.setTimestamp(12, at);
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
