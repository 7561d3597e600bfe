package dev.oms.order.adapters;

import dev.oms.contracts.cart.v1.CheckoutCompleted;
import dev.oms.contracts.common.v1.OrderLine;
import dev.oms.order.domain.OrderStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Orders and their lines in the order schema; every method runs on the caller's connection. */
public final class OrderRepository {

    /** Inserts a PENDING order from its checkout; false when it exists already (a redelivered checkout). */
    public boolean insertPending(Connection c, CheckoutCompleted checkout, Instant now) throws SQLException {
        UUID orderId = UUID.fromString(checkout.getOrderId());
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO orders (order_id, customer_id, status, total_amount, currency, created_at, updated_at)
                VALUES (?, ?, 'PENDING', ?, ?, ?, ?) ON CONFLICT (order_id) DO NOTHING""")) {
            insert.setObject(1, orderId);
            insert.setString(2, checkout.getCustomerId());
            insert.setLong(3, checkout.getTotal().getAmount());
            insert.setString(4, checkout.getTotal().getCurrency());
            insert.setTimestamp(5, Timestamp.from(now));
            insert.setTimestamp(6, Timestamp.from(now));
            if (insert.executeUpdate() == 0) {
                return false;
            }
        }
        try (PreparedStatement line = c.prepareStatement(
                "INSERT INTO order_line (order_id, sku, quantity, unit_price) VALUES (?, ?, ?, ?)")) {
            for (OrderLine l : checkout.getLinesList()) {
                line.setObject(1, orderId);
                line.setString(2, l.getSku());
                line.setInt(3, l.getQuantity());
                line.setLong(4, l.getUnitPrice().getAmount());
                line.addBatch();
            }
            line.executeBatch();
        }
        return true;
    }

    /** An order line: the units bought, those of them cancelled with an unshipped rest, the unit price paid. */
    public record Line(int quantity, int cancelled, long unitPrice) {}

    /** An order's lines by sku (in sku order), its total and its currency. */
    public record OrderLines(Map<String, Line> lines, long total, String currency) {}

    /** The order's lines, total and currency; empty when there is no such order. */
    public Optional<OrderLines> lines(Connection c, String orderId) throws SQLException {
        UUID id = UUID.fromString(orderId);
        long total;
        String currency;
        try (PreparedStatement select = c.prepareStatement("SELECT total_amount, currency FROM orders WHERE order_id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                total = row.getLong(1);
                currency = row.getString(2);
            }
        }
        Map<String, Line> lines = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT sku, quantity, cancelled_quantity, unit_price FROM order_line WHERE order_id = ? ORDER BY sku")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    lines.put(row.getString(1), new Line(row.getInt(2), row.getInt(3), row.getLong(4)));
                }
            }
        }
        return Optional.of(new OrderLines(lines, total, currency));
    }

    public void attachSaga(Connection c, String orderId, String sagaId) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE orders SET saga_id = ? WHERE order_id = ?")) {
            update.setString(1, sagaId);
            update.setObject(2, UUID.fromString(orderId));
            update.executeUpdate();
        }
    }

    /** The order's status and its PlaceOrder saga, locked until the transaction ends. */
    public Optional<LockedOrder> lock(Connection c, String orderId) throws SQLException {
        return head(c, orderId, " FOR UPDATE");
    }

    /** As {@link #lock}, without the lock: for a dry run. */
    public Optional<LockedOrder> find(Connection c, String orderId) throws SQLException {
        return head(c, orderId, "");
    }

    private static Optional<LockedOrder> head(Connection c, String orderId, String lock) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT status, saga_id, customer_id FROM orders WHERE order_id = ?" + lock)) {
            select.setObject(1, UUID.fromString(orderId));
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new LockedOrder(orderId, OrderStatus.valueOf(row.getString(1)), row.getString(2),
                                row.getString(3)))
                        : Optional.empty();
            }
        }
    }

    /** An order row held under lock: its status, its PlaceOrder saga and its customer. */
    public record LockedOrder(String orderId, OrderStatus status, String placeOrderSagaId, String customerId) {}

    /** The order's status, locked until the transaction ends. */
    public Optional<OrderStatus> lockStatus(Connection c, String orderId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT status FROM orders WHERE order_id = ? FOR UPDATE")) {
            select.setObject(1, UUID.fromString(orderId));
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(OrderStatus.valueOf(row.getString(1))) : Optional.empty();
            }
        }
    }

    public void updateStatus(Connection c, String orderId, OrderStatus status, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE orders SET status = ?, updated_at = ? WHERE order_id = ?")) {
            update.setString(1, status.name());
            update.setTimestamp(2, Timestamp.from(now));
            update.setObject(3, UUID.fromString(orderId));
            update.executeUpdate();
        }
    }
}
