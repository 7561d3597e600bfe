package dev.oms.projections.order;

import dev.oms.projections.api.Money;
import dev.oms.projections.api.NotificationView;
import dev.oms.projections.api.OrderLineView;
import dev.oms.projections.api.OrderView;
import dev.oms.projections.api.PaymentView;
import dev.oms.projections.api.SagaView;
import dev.oms.projections.api.ShipmentView;
import dev.oms.projections.internal.Jdbc;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads orders with all their parts in one round trip however many they are: the driver sends the five queries
 * below together and returns one result set each.
 */
final class OrderViews {
    private static final String QUERIES = """
            SELECT order_id, customer_id, status, total_amount, total_currency, payment_status, placed_at, updated_at
              FROM order_view WHERE order_id = ANY(?) AND placed_at IS NOT NULL;
            SELECT order_id, sku, quantity, unit_amount, unit_currency
              FROM order_line_view WHERE order_id = ANY(?) ORDER BY order_id, position;
            SELECT order_id, shipment_id, warehouse, status, hold_reason
              FROM order_shipment_view WHERE order_id = ANY(?) ORDER BY order_id, created_at, position, shipment_id;
            SELECT order_id, notification_id, channel, template, recipient
              FROM order_notification_view WHERE order_id = ANY(?) ORDER BY order_id, sent_at, notification_id;
            SELECT %s
              FROM (SELECT DISTINCT ON (order_id) * FROM order_saga_view WHERE order_id = ANY(?)
                    ORDER BY order_id, updated_at DESC, saga_id) s
              LEFT JOIN order_saga_step_view st ON st.saga_id = s.saga_id
             ORDER BY s.saga_id, st.position""".formatted(SagaRows.COLUMNS);
    private static final int QUERY_COUNT = 5;

    private OrderViews() {}

    /** The visible orders among {@code ids}, by id; ids of orders not placed yet are left out. */
    static Map<String, OrderView> load(Connection c, Collection<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return Map.of();
        }
        try (PreparedStatement select = c.prepareStatement(QUERIES)) {
            Array idArray = c.createArrayOf("text", ids.toArray());
            for (int i = 1; i <= QUERY_COUNT; i++) {
                select.setArray(i, idArray);
            }
            select.execute();
            return read(select);
        }
    }

    private static Map<String, OrderView> read(PreparedStatement select) throws SQLException {
        Map<String, OrderView> headers = new HashMap<>();
        try (ResultSet rows = select.getResultSet()) {
            while (rows.next()) {
                headers.put(rows.getString("order_id"), header(rows));
            }
        }
        Map<String, List<OrderLineView>> lines = next(select, OrderViews::line);
        Map<String, List<ShipmentView>> shipments = next(select, OrderViews::shipment);
        Map<String, List<NotificationView>> notifications = next(select, OrderViews::notification);
        Map<String, SagaView> sagas = new HashMap<>();
        moreResults(select);
        try (ResultSet rows = select.getResultSet()) {
            SagaRows.read(rows).forEach(saga -> sagas.put(saga.orderId(), saga));
        }
        Map<String, OrderView> orders = new HashMap<>();
        headers.forEach((id, o) -> orders.put(id, new OrderView(id, o.customerId(), o.status(), o.total(),
                lines.getOrDefault(id, List.of()), o.payment(), shipments.getOrDefault(id, List.of()),
                notifications.getOrDefault(id, List.of()), sagas.get(id), o.placedAt(), o.updatedAt())));
        return orders;
    }

    /** The order row alone, its parts still empty. */
    private static OrderView header(ResultSet row) throws SQLException {
        String paymentStatus = row.getString("payment_status");
        return new OrderView(row.getString("order_id"), row.getString("customer_id"), row.getString("status"),
                new Money(row.getLong("total_amount"), row.getString("total_currency")), List.of(),
                paymentStatus == null ? null : new PaymentView(paymentStatus), List.of(), List.of(), null,
                Jdbc.instant(row.getTimestamp("placed_at")), Jdbc.instant(row.getTimestamp("updated_at")));
    }

    private static <T> Map<String, List<T>> next(PreparedStatement select, Jdbc.RowMapper<T> mapper)
            throws SQLException {
        moreResults(select);
        Map<String, List<T>> byOrder = new HashMap<>();
        try (ResultSet rows = select.getResultSet()) {
            while (rows.next()) {
                byOrder.computeIfAbsent(rows.getString("order_id"), id -> new ArrayList<>()).add(mapper.map(rows));
            }
        }
        return byOrder;
    }

    private static void moreResults(PreparedStatement select) throws SQLException {
        if (!select.getMoreResults()) {
            throw new IllegalStateException("missing result set for the order query");
        }
    }

    private static OrderLineView line(ResultSet row) throws SQLException {
        return new OrderLineView(row.getString("sku"), row.getInt("quantity"),
                new Money(row.getLong("unit_amount"), row.getString("unit_currency")));
    }

    private static ShipmentView shipment(ResultSet row) throws SQLException {
        return new ShipmentView(row.getString("shipment_id"), row.getString("warehouse"), row.getString("status"),
                row.getString("hold_reason"));
    }

    private static NotificationView notification(ResultSet row) throws SQLException {
        return new NotificationView(row.getString("notification_id"), row.getString("channel"),
                row.getString("template"), row.getString("recipient"));
    }
}
