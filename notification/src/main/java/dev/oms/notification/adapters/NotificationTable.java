package dev.oms.notification.adapters;

import dev.oms.notification.api.Notification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The notification table: one row per notification sent, unique by dedup key. */
public final class NotificationTable {

    public Optional<Notification> findByDedupKey(Connection c, String dedupKey) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT notification_id, order_id, customer_id, channel, template, recipient, dedup_key
                FROM notification WHERE dedup_key = ?""")) {
            select.setString(1, dedupKey);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String id = row.getString("notification_id");
                return Optional.of(new Notification(id, row.getString("order_id"), row.getString("customer_id"),
                        row.getString("channel"), row.getString("template"), row.getString("recipient"),
                        row.getString("dedup_key"), params(c, id)));
            }
        }
    }

    /**
     * Records the notification unless its dedup key is taken; false when it is. A concurrent insert of the same key
     * makes this one wait for that transaction, so a false here means the other one committed.
     */
    public boolean insertIfAbsent(Connection c, Notification n, Instant sentAt) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO notification (notification_id, dedup_key, order_id, customer_id, channel, template,
                                          recipient, params, sent_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, jsonb_object(?, ?), ?) ON CONFLICT DO NOTHING""")) {
            insert.setString(1, n.notificationId());
            insert.setString(2, n.dedupKey());
            insert.setString(3, n.orderId());
            insert.setString(4, n.customerId());
            insert.setString(5, n.channel());
            insert.setString(6, n.template());
            insert.setString(7, n.recipient());
            insert.setArray(8, c.createArrayOf("text", n.params().keySet().toArray()));
            insert.setArray(9, c.createArrayOf("text", n.params().keySet().stream().map(n.params()::get).toArray()));
            insert.setTimestamp(10, Timestamp.from(sentAt));
            return insert.executeUpdate() == 1;
        }
    }

    private static Map<String, String> params(Connection c, String notificationId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT p.key, p.value FROM notification n, jsonb_each_text(n.params) p
                WHERE n.notification_id = ? ORDER BY p.key""")) {
            select.setString(1, notificationId);
            Map<String, String> params = new LinkedHashMap<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    params.put(row.getString("key"), row.getString("value"));
                }
            }
            return params;
        }
    }
}
