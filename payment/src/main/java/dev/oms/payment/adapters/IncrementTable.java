package dev.oms.payment.adapters;

import dev.oms.payment.api.Money;
import dev.oms.payment.domain.Increment;
import dev.oms.payment.domain.IncrementStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The payment_increment table: the order edits' increments, one per order and operation id. Callers lock the order's
 * payment row first, which serializes everything done to its increments.
 */
final class IncrementTable {
    private static final String COLUMNS = """
            order_id, operation_id, status, amount, currency, authorization_id, refunded_amount, decline_code,
            decline_reason""";

    Optional<Increment> find(Connection c, String orderId, String operationId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM payment_increment WHERE order_id = ? AND operation_id = ?")) {
            select.setString(1, orderId);
            select.setString(2, operationId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    /** The order's increments in the order they were made. */
    List<Increment> of(Connection c, String orderId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM payment_increment WHERE order_id = ? ORDER BY seq")) {
            select.setString(1, orderId);
            List<Increment> increments = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    increments.add(read(row));
                }
            }
            return increments;
        }
    }

    /** Inserts the increment, or writes the recorded one's status, authorization and refunds. */
    void save(Connection c, Increment increment, Instant now) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO payment_increment (order_id, operation_id, status, amount, currency, authorization_id,
                                               refunded_amount, decline_code, decline_reason, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (order_id, operation_id) DO UPDATE SET status = excluded.status,
                    authorization_id = excluded.authorization_id, refunded_amount = excluded.refunded_amount,
                    decline_code = excluded.decline_code, decline_reason = excluded.decline_reason,
                    updated_at = excluded.updated_at""")) {
            upsert.setString(1, increment.orderId());
            upsert.setString(2, increment.operationId());
            upsert.setString(3, increment.status().name());
            upsert.setLong(4, increment.amount().amount());
            upsert.setString(5, increment.amount().currency());
            upsert.setString(6, increment.authorizationId());
            upsert.setLong(7, increment.refunded());
            upsert.setString(8, increment.declineCode());
            upsert.setString(9, increment.declineReason());
            upsert.setTimestamp(10, Timestamp.from(now));
            upsert.setTimestamp(11, Timestamp.from(now));
            upsert.executeUpdate();
        }
    }

    private static Increment read(ResultSet row) throws SQLException {
        return new Increment(
                row.getString("order_id"),
                row.getString("operation_id"),
                IncrementStatus.valueOf(row.getString("status")),
                new Money(row.getLong("amount"), row.getString("currency")),
                row.getString("authorization_id"),
                row.getLong("refunded_amount"),
                row.getString("decline_code"),
                row.getString("decline_reason"));
    }
}
