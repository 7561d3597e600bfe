package dev.oms.projections.order;

import dev.oms.audit.AuditTrail;
import dev.oms.audit.AuditedMessage;
import dev.oms.projections.api.Edge;
import dev.oms.projections.api.OrderEventView;
import dev.oms.projections.api.OrderFilter;
import dev.oms.projections.api.OrderQueries;
import dev.oms.projections.api.OrderUpdate;
import dev.oms.projections.api.OrderView;
import dev.oms.projections.api.Page;
import dev.oms.projections.internal.Jdbc;
import dev.oms.projections.internal.KeysetCursor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Orders one by one or newest first by keyset, their timelines and their current status. */
final class JdbcOrderQueries implements OrderQueries {
    private static final String CURSOR_LIST = "order";

    private final DataSource dataSource;

    JdbcOrderQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<OrderView> order(String orderId) {
        try (Connection c = dataSource.getConnection()) {
            return Optional.ofNullable(OrderViews.load(c, List.of(orderId)).get(orderId));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read order " + orderId, e);
        }
    }

    @Override
    public Page<OrderView> orders(OrderFilter filter, int first, String after) {
        Page.checkSize(first);
        KeysetCursor from = after == null ? null : KeysetCursor.decode(CURSOR_LIST, after);
        Where where = new Where("placed_at IS NOT NULL")
                .and("status = ?", filter.status())
                .and("customer_id = ?", filter.customerId());
        try (Connection c = dataSource.getConnection()) {
            int total = where.count(c, "order_view");
            Where page = from == null ? where : where.and("(placed_at, order_id) < (?, ?)", from.at(), from.id());
            List<KeysetCursor> keys = Jdbc.list(c, """
                    SELECT placed_at, order_id FROM order_view WHERE %s
                     ORDER BY placed_at DESC, order_id DESC LIMIT ?""".formatted(page.sql()),
                    row -> new KeysetCursor(Jdbc.instant(row.getTimestamp(1)), row.getString(2)),
                    page.parametersAnd(first + 1));
            List<KeysetCursor> shown = keys.subList(0, Math.min(first, keys.size()));
            Map<String, OrderView> orders = OrderViews.load(c, shown.stream().map(KeysetCursor::id).toList());
            List<Edge<OrderView>> edges = new ArrayList<>();
            for (KeysetCursor key : shown) {
                edges.add(new Edge<>(key.encode(CURSOR_LIST), orders.get(key.id())));
            }
            return Page.of(edges, keys.size() > first, total);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list orders", e);
        }
    }

    @Override
    public List<OrderEventView> events(String orderId) {
        try (Connection c = dataSource.getConnection()) {
            return Jdbc.list(c, """
                    SELECT message_id, type, occurred_at, causation_id, producer, saga_id FROM order_event
                     WHERE order_id = ? ORDER BY occurred_at, recorded""", JdbcOrderQueries::event, orderId);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the events of order " + orderId, e);
        }
    }

    private static OrderEventView event(ResultSet row) throws SQLException {
        return new OrderEventView(row.getString("message_id"), row.getString("type"),
                Jdbc.instant(row.getTimestamp("occurred_at")), row.getString("causation_id"), row.getString("producer"),
                row.getString("saga_id"), null);
    }

    @Override
    public List<OrderEventView> auditTrail(String orderId) {
        try (Connection c = dataSource.getConnection()) {
            return AuditTrail.ofOrder(c, orderId).stream().map(JdbcOrderQueries::event).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit trail of order " + orderId, e);
        }
    }

    private static OrderEventView event(AuditedMessage message) {
        return new OrderEventView(message.messageId().toString(), message.type(), message.occurredAt(),
                message.causationId() == null ? null : message.causationId().toString(), message.producer(),
                message.sagaId(), message.payloadJson());
    }

    @Override
    public Optional<OrderUpdate> currentStatus(String orderId) {
        try (Connection c = dataSource.getConnection()) {
            return currentStatus(c, orderId);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the status of order " + orderId, e);
        }
    }

    static Optional<OrderUpdate> currentStatus(Connection c, String orderId) throws SQLException {
        return Jdbc.list(c, """
                SELECT customer_id, status, status_at, placed_at FROM order_view
                 WHERE order_id = ? AND placed_at IS NOT NULL AND status IS NOT NULL""",
                row -> new OrderUpdate(orderId, row.getString(1), row.getString(2), Jdbc.instant(row.getTimestamp(3)),
                        Jdbc.instant(row.getTimestamp(4))),
                orderId).stream().findFirst();
    }
}
