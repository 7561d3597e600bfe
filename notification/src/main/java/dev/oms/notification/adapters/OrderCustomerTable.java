package dev.oms.notification.adapters;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The notification_order table: the customer of each order placed, for emails on events that name only the order. */
public final class OrderCustomerTable {

    public void remember(Connection c, String orderId, String customerId, Instant placedAt) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO notification_order (order_id, customer_id, placed_at) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING""")) {
            insert.setString(1, orderId);
            insert.setString(2, customerId);
            insert.setTimestamp(3, Timestamp.from(placedAt));
            insert.executeUpdate();
        }
    }

    public Optional<String> customerOf(Connection c, String orderId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT customer_id FROM notification_order WHERE order_id = ?")) {
            select.setString(1, orderId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }
}
