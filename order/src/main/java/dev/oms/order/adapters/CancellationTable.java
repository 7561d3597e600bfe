package dev.oms.order.adapters;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Requested cancellations: one per order, found again by its idempotency key. */
public final class CancellationTable {

    /** A recorded cancellation request, the saga carrying it out, and why it could not be done if it could not. */
    public record Cancellation(String orderId, String idempotencyKey, String refusal, String sagaId) {}

    public Optional<Cancellation> byKey(Connection c, String key) throws SQLException {
        return find(c, """
                SELECT order_id, idempotency_key, refusal, saga_id FROM order_cancellation WHERE idempotency_key = ?""",
                key);
    }

    public Optional<Cancellation> byOrder(Connection c, String orderId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT order_id, idempotency_key, refusal, saga_id FROM order_cancellation WHERE order_id = ?")) {
            select.setObject(1, UUID.fromString(orderId));
            return read(select);
        }
    }

    public void insert(Connection c, String orderId, String key, String sagaId, String reason, Instant now)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO order_cancellation (order_id, idempotency_key, saga_id, reason, requested_at)
                VALUES (?, ?, ?, ?, ?)""")) {
            insert.setObject(1, UUID.fromString(orderId));
            insert.setString(2, key);
            insert.setString(3, sagaId);
            insert.setString(4, reason);
            insert.setTimestamp(5, Timestamp.from(now));
            insert.executeUpdate();
        }
    }

    /** Records that the order's cancellation could not be done after all. */
    public void refused(Connection c, String orderId, String why) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE order_cancellation SET refusal = ? WHERE order_id = ? AND refusal IS NULL")) {
            update.setString(1, why);
            update.setObject(2, UUID.fromString(orderId));
            update.executeUpdate();
        }
    }

    private static Optional<Cancellation> find(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, value);
            return read(select);
        }
    }

    private static Optional<Cancellation> read(PreparedStatement select) throws SQLException {
        try (ResultSet row = select.executeQuery()) {
            return row.next() ? Optional.of(new Cancellation(row.getString(1), row.getString(2), row.getString(3),
                    row.getString(4))) : Optional.empty();
        }
    }
}
