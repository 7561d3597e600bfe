package dev.oms.projections.order;

import dev.oms.projections.api.Money;
import dev.oms.projections.api.NotificationView;
import dev.oms.projections.api.OrderLineView;
import dev.oms.projections.api.OrderQueries;
import dev.oms.projections.api.OrderView;
import dev.oms.projections.api.PaymentView;
import dev.oms.projections.api.SagaStepView;
import dev.oms.projections.api.SagaView;
import dev.oms.projections.api.ShipmentView;
import dev.oms.projections.internal.Jdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads an order with all its parts in one round trip: the driver sends the five queries below together and
 * returns one result set each.
 */
final class JdbcOrderQueries implements OrderQueries {
    private static final String QUERIES = """
            SELECT customer_id, status, total_amount, total_currency, payment_status, placed_at, updated_at
              FROM order_view WHERE order_id = ? AND placed_at IS NOT NULL;
            SELECT sku, quantity, unit_amount, unit_currency
              FROM order_line_view WHERE order_id = ? ORDER BY position;
            SELECT shipment_id, warehouse, status
              FROM order_shipment_view WHERE order_id = ? ORDER BY created_at, position, shipment_id;
            SELECT notification_id, channel, template, recipient
              FROM order_notification_view WHERE order_id = ? ORDER BY sent_at, notification_id;
            SELECT s.saga_id, s.saga_type, s.status AS saga_status,
                   st.name, st.kind, st.status AS step_status, st.attempts, st.error
              FROM (SELECT saga_id, saga_type, status FROM order_saga_view WHERE order_id = ?
                    ORDER BY updated_at DESC, saga_id LIMIT 1) s
              LEFT JOIN order_saga_step_view st ON st.saga_id = s.saga_id
             ORDER BY st.position""";
    private static final int QUERY_COUNT = 5;

    private final DataSource dataSource;

    JdbcOrderQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<OrderView> order(String orderId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(QUERIES)) {
            for (int i = 1; i <= QUERY_COUNT; i++) {
                select.setString(i, orderId);
            }
            select.execute();
            return read(orderId, select);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read order " + orderId, e);
        }
    }

    private static Optional<OrderView> read(String orderId, PreparedStatement select) throws SQLException {
        Optional<OrderView> header;
        try (ResultSet order = select.getResultSet()) {
            header = order.next() ? Optional.of(header(orderId, order)) : Optional.empty();
        }
        if (header.isEmpty()) {
            return header;
        }
        List<OrderLineView> lines = next(select, JdbcOrderQueries::lines);
        List<ShipmentView> shipments = next(select, JdbcOrderQueries::shipments);
        List<NotificationView> notifications = next(select, JdbcOrderQueries::notifications);
        SagaView saga = next(select, JdbcOrderQueries::saga);
        OrderView o = header.get();
        return Optional.of(new OrderView(o.id(), o.customerId(), o.status(), o.total(), lines, o.payment(), shipments,
                notifications, saga, o.placedAt(), o.updatedAt()));
    }

    /** The order row alone, its parts still empty. */
    private static OrderView header(String orderId, ResultSet order) throws SQLException {
        String paymentStatus = order.getString("payment_status");
        return new OrderView(orderId, order.getString("customer_id"), order.getString("status"),
                new Money(order.getLong("total_amount"), order.getString("total_currency")), List.of(),
                paymentStatus == null ? null : new PaymentView(paymentStatus), List.of(), List.of(), null,
                Jdbc.instant(order.getTimestamp("placed_at")), Jdbc.instant(order.getTimestamp("updated_at")));
    }

    @FunctionalInterface
    private interface RowsReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private static <T> T next(PreparedStatement select, RowsReader<T> reader) throws SQLException {
        if (!select.getMoreResults()) {
            throw new IllegalStateException("missing result set for the order query");
        }
        try (ResultSet rows = select.getResultSet()) {
            return reader.read(rows);
        }
    }

    private static List<OrderLineView> lines(ResultSet rows) throws SQLException {
        List<OrderLineView> lines = new ArrayList<>();
        while (rows.next()) {
            lines.add(new OrderLineView(rows.getString("sku"), rows.getInt("quantity"),
                    new Money(rows.getLong("unit_amount"), rows.getString("unit_currency"))));
        }
        return lines;
    }

    private static List<ShipmentView> shipments(ResultSet rows) throws SQLException {
        List<ShipmentView> shipments = new ArrayList<>();
        while (rows.next()) {
            shipments.add(new ShipmentView(rows.getString("shipment_id"), rows.getString("warehouse"),
                    rows.getString("status")));
        }
        return shipments;
    }

    private static List<NotificationView> notifications(ResultSet rows) throws SQLException {
        List<NotificationView> notifications = new ArrayList<>();
        while (rows.next()) {
            notifications.add(new NotificationView(rows.getString("notification_id"), rows.getString("channel"),
                    rows.getString("template"), rows.getString("recipient")));
        }
        return notifications;
    }

    private static SagaView saga(ResultSet rows) throws SQLException {
        if (!rows.next()) {
            return null;
        }
        String id = rows.getString("saga_id");
        String type = rows.getString("saga_type");
        String status = rows.getString("saga_status");
        List<SagaStepView> steps = new ArrayList<>();
        do {
            if (rows.getString("name") != null) {
                steps.add(new SagaStepView(rows.getString("name"), rows.getString("kind"), rows.getString("step_status"),
                        rows.getInt("attempts"), rows.getString("error")));
            }
        } while (rows.next());
        return new SagaView(id, type, status, steps);
    }
}
