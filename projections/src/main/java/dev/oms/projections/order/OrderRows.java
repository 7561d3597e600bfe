package dev.oms.projections.order;

import dev.oms.projections.internal.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/** The order row every order event touches, creating it if that event overtook the OrderPlaced. */
final class OrderRows {
    private OrderRows() {}

    static void touch(Connection c, String orderId, Instant at) throws SQLException {
        if (OrderPollWrites.touched(c, orderId, at)) {
            return;
        }
        Jdbc.update(c, """
                INSERT INTO order_view (order_id, updated_at) VALUES (?, ?)
                ON CONFLICT (order_id) DO UPDATE SET updated_at = GREATEST(order_view.updated_at, excluded.updated_at)""",
                orderId, at);
    }
}
