package dev.oms.projections.order;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

/** The order row every order event touches, creating it if that event overtook the OrderPlaced. */
final class OrderRows {
    private OrderRows() {}

    static void touch(Connection c, String orderId, Instant at) throws SQLException {
        if (OrderPollWrites.touched(c, orderId, at)) {
            return;
        }
        OrderPollWrites.touch(c, Map.of(orderId, at));
    }
}
