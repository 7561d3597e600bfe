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

    private static void saveSteps(Connection c, SagaUpdated event, Timestamp at) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO order_saga_step_view (saga_id, position, name, kind, status, attempts, error, started_at,
                                                  ended_at)
                VALUES (?, ?, ?, ?, ?, ?, ?,
                        CASE WHEN ?::text <> 'PENDING' THEN ?::timestamptz END,
                        CASE WHEN ?::text IN %1$s THEN ?::timestamptz END)
                ON CONFLICT (saga_id, position) DO UPDATE SET
                    name = excluded.name, kind = excluded.kind, status = excluded.status,
                    attempts = excluded.attempts, error = excluded.error,
                    started_at = COALESCE(order_saga_step_view.started_at, excluded.started_at),
                    ended_at = CASE
                        WHEN excluded.status NOT IN %1$s THEN NULL
                        WHEN order_saga_step_view.status = excluded.status
                            THEN COALESCE(order_saga_step_view.ended_at, excluded.ended_at)
                        ELSE excluded.ended_at END
                -- most snapshots repeat most steps unchanged: skip those rows rather than write a new version of each
                WHERE (order_saga_step_view.name, order_saga_step_view.kind, order_saga_step_view.status,
                       order_saga_step_view.attempts, order_saga_step_view.error)
                      IS DISTINCT FROM (excluded.name, excluded.kind, excluded.status, excluded.attempts, excluded.error)
                """.formatted(ENDED))) {
            for (int i = 0; i < event.getStepsCount(); i++) {
                SagaStep step = event.getSteps(i);
                Jdbc.bind(upsert, event.getSagaId(), i, step.getName(), step.getKind(), step.getStatus(),
                        step.getAttempts(), step.getError().isEmpty() ? null : step.getError(),
                        step.getStatus(), at, step.getStatus(), at);
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        Jdbc.update(c, "DELETE FROM order_saga_step_view WHERE saga_id = ? AND position >= ?", event.getSagaId(),
                event.getStepsCount());
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
