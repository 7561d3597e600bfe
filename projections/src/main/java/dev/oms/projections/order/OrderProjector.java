package dev.oms.projections.order;

import dev.oms.contracts.Envelope;
import dev.oms.contracts.common.v1.OrderLine;
import dev.oms.contracts.order.v1.OrderPlaced;
import dev.oms.contracts.order.v1.OrderStatusChanged;
import dev.oms.contracts.order.v1.OrderEdited;
import dev.oms.projections.internal.EventRoutes;
import dev.oms.projections.internal.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The order itself: what was ordered, by whom, and the status of the order state machine. Each SQL write has an
 * in-memory twin a rebuild folds events with; the two must leave the same rows (ProjectionReplayIT compares them).
 */
final class OrderProjector {
    /** The column keeping when an order first reached the status. */
    private static final Map<String, String> MILESTONES =
            Map.of("CONFIRMED", "confirmed_at", "REJECTED", "rejected_at", "DELIVERED", "delivered_at");

    private OrderProjector() {}

    static void routeTo(EventRoutes routes) {
        routes.on(OrderPlaced.getDefaultInstance(), OrderProjector::placed)
                .on(OrderStatusChanged.getDefaultInstance(), OrderProjector::statusChanged)
                .on(OrderEdited.getDefaultInstance(), OrderProjector::edited);
    }

    static void foldTo(FoldRoutes routes) {
        routes.on(OrderPlaced.getDefaultInstance(), OrderProjector::placed)
                .on(OrderStatusChanged.getDefaultInstance(), OrderProjector::statusChanged)
                .on(OrderEdited.getDefaultInstance(), OrderProjector::edited);
    }

    /** Keeps a status that a later event already set: a replayed OrderPlaced must not send the order back to PENDING. */
    static void placed(OrderPlaced event, Envelope envelope, Connection c) throws SQLException {
        Jdbc.update(c, """
                INSERT INTO order_view (order_id, customer_id, status, status_at, total_amount, total_currency,
                                        placed_at, updated_at)
                VALUES (?, ?, 'PENDING', ?, ?, ?, ?, ?)
                ON CONFLICT (order_id) DO UPDATE SET
                    customer_id = excluded.customer_id,
                    status = COALESCE(order_view.status, excluded.status),
                    status_at = COALESCE(order_view.status_at, excluded.status_at),
                    total_amount = excluded.total_amount,
                    total_currency = excluded.total_currency,
                    placed_at = excluded.placed_at,
                    updated_at = GREATEST(order_view.updated_at, excluded.updated_at)""",
                event.getOrderId(), event.getCustomerId(), envelope.occurredAt(), event.getTotal().getAmount(),
                event.getTotal().getCurrency(), envelope.occurredAt(), envelope.occurredAt());
        writeLines(c, event.getOrderId(), event.getLinesList());
    }

    /** An edit gives the order its lines and total from now on (an edit comes only after the order was placed). */
    static void edited(OrderEdited event, Envelope envelope, Connection c) throws SQLException {
        OrderRows.touch(c, event.getOrderId(), envelope.occurredAt());
        Jdbc.update(c, "UPDATE order_view SET total_amount = ?, total_currency = ? WHERE order_id = ?",
                event.getTotal().getAmount(), event.getTotal().getCurrency(), event.getOrderId());
        writeLines(c, event.getOrderId(), event.getLinesList());
    }

    static void edited(OrderEdited event, Envelope envelope, FoldedOrder order) {
        order.touch(envelope.occurredAt());
        order.totalAmount = event.getTotal().getAmount();
        order.totalCurrency = event.getTotal().getCurrency();
        order.lines = event.getLinesList();
    }

    private static void writeLines(Connection c, String orderId, List<OrderLine> lines) throws SQLException {
        Jdbc.update(c, "DELETE FROM order_line_view WHERE order_id = ?", orderId);
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO order_line_view (order_id, position, sku, quantity, unit_amount, unit_currency)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            for (int i = 0; i < lines.size(); i++) {
                OrderLine line = lines.get(i);
                insert.setString(1, orderId);
                insert.setInt(2, i);
                insert.setString(3, line.getSku());
                insert.setInt(4, line.getQuantity());
                insert.setLong(5, line.getUnitPrice().getAmount());
                insert.setString(6, line.getUnitPrice().getCurrency());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static void placed(OrderPlaced event, Envelope envelope, FoldedOrder order) {
        Instant at = envelope.occurredAt();
        order.customerId = event.getCustomerId();
        order.status = order.status == null ? "PENDING" : order.status;
        order.statusAt = order.statusAt == null ? at : order.statusAt;
        order.totalAmount = event.getTotal().getAmount();
        order.totalCurrency = event.getTotal().getCurrency();
        order.placedAt = at;
        order.touch(at);
        order.lines = event.getLinesList();
    }

    /**
     * An older status change than the one shown (a redelivery) is ignored, but still counts for the milestone it
     * reached: the metrics ask whether and when an order got there, not where it is now.
     */
    static void statusChanged(OrderStatusChanged event, Envelope envelope, Connection c) throws SQLException {
        OrderRows.touch(c, event.getOrderId(), envelope.occurredAt());
        Jdbc.update(c, """
                UPDATE order_view SET status = ?, status_at = ?
                WHERE order_id = ? AND (status_at IS NULL OR status_at <= ?)""",
                event.getStatus(), envelope.occurredAt(), event.getOrderId(), envelope.occurredAt());
        String milestone = MILESTONES.get(event.getStatus());
        if (milestone != null) {
            Jdbc.update(c, "UPDATE order_view SET %1$s = LEAST(COALESCE(%1$s, ?), ?) WHERE order_id = ?"
                    .formatted(milestone), envelope.occurredAt(), envelope.occurredAt(), event.getOrderId());
        }
    }

    static void statusChanged(OrderStatusChanged event, Envelope envelope, FoldedOrder order) {
        Instant at = envelope.occurredAt();
        order.touch(at);
        if (order.statusAt == null || !order.statusAt.isAfter(at)) {
            order.status = event.getStatus();
            order.statusAt = at;
        }
        String milestone = MILESTONES.get(event.getStatus());
        if (milestone != null) {
            order.milestones.put(milestone, FoldedOrder.earlier(order.milestones.get(milestone), at));
        }
    }
}
