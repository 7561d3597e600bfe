package dev.oms.projections.order;

import dev.oms.contracts.Envelope;
import dev.oms.contracts.order.v1.SagaStep;
import dev.oms.contracts.order.v1.SagaUpdated;
import dev.oms.projections.internal.EventRoutes;
import dev.oms.projections.internal.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The saga behind an order, from its snapshots; only a snapshot of a newer version replaces the one kept. */
final class SagaProjector {
    private SagaProjector() {}

    static void routeTo(EventRoutes routes) {
        routes.on(SagaUpdated.getDefaultInstance(), SagaProjector::updated);
    }

    static void updated(SagaUpdated event, Envelope envelope, Connection c) throws SQLException {
        OrderRows.touch(c, event.getOrderId(), envelope.occurredAt());
        int saved = Jdbc.update(c, """
                INSERT INTO order_saga_view (saga_id, order_id, saga_type, status, version, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (saga_id) DO UPDATE SET
                    saga_type = excluded.saga_type, status = excluded.status, version = excluded.version,
                    updated_at = excluded.updated_at
                WHERE order_saga_view.version < excluded.version""",
                event.getSagaId(), event.getOrderId(), event.getSagaType(), event.getStatus(), event.getVersion(),
                envelope.occurredAt());
        if (saved == 1) {
            replaceSteps(c, event);
        }
    }

    private static void replaceSteps(Connection c, SagaUpdated event) throws SQLException {
        Jdbc.update(c, "DELETE FROM order_saga_step_view WHERE saga_id = ?", event.getSagaId());
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO order_saga_step_view (saga_id, position, name, kind, status, attempts, error)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            for (int i = 0; i < event.getStepsCount(); i++) {
                SagaStep step = event.getSteps(i);
                insert.setString(1, event.getSagaId());
                insert.setInt(2, i);
                insert.setString(3, step.getName());
                insert.setString(4, step.getKind());
                insert.setString(5, step.getStatus());
                insert.setInt(6, step.getAttempts());
                insert.setString(7, step.getError().isEmpty() ? null : step.getError());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
