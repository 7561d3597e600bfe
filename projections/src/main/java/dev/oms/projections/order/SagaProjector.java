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

/**
 * The sagas behind an order, from their snapshots; only a snapshot of a newer version replaces the one kept.
 * Snapshots carry no step times, so a step's start and end are the times of the snapshots that first showed
 * them: a snapshot skipped by a newer one's overtaking it only makes a time later, never wrong in order.
 */
final class SagaProjector {
    /** Statuses a step rests in until an operator or a compensation moves it again. */
    private static final String ENDED = "('SUCCEEDED', 'FAILED', 'TIMED_OUT', 'COMPENSATED')";

    private SagaProjector() {}

    static void routeTo(EventRoutes routes) {
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
                        ELSE excluded.ended_at END""".formatted(ENDED))) {
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
}
