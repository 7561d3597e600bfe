package dev.oms.payment.adapters;

import dev.oms.payment.api.Money;
import dev.oms.payment.domain.Payment;
import dev.oms.payment.domain.PaymentStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The payment table: one payment per order. */
public final class PaymentTable {

    /** The order's payment, its row locked until the transaction ends. */
    public Optional<Payment> findForUpdate(Connection c, String orderId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT order_id, payment_id, status, amount, currency, authorization_id, decline_code, decline_reason
                FROM payment WHERE order_id = ? FOR UPDATE""")) {
            select.setString(1, orderId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    /** Inserts the payment, or overwrites the recorded one's outcome (status, authorization, decline). */
    public void save(Connection c, Payment payment, Instant now) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO payment (order_id, payment_id, status, amount, currency, authorization_id, decline_code,
                                     decline_reason, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (order_id) DO UPDATE SET status = excluded.status,
                    authorization_id = excluded.authorization_id, decline_code = excluded.decline_code,
                    decline_reason = excluded.decline_reason, updated_at = excluded.updated_at""")) {
            upsert.setString(1, payment.orderId());
            upsert.setString(2, payment.paymentId());
            upsert.setString(3, payment.status().name());
            upsert.setLong(4, payment.amount().amount());
            upsert.setString(5, payment.amount().currency());
            upsert.setString(6, payment.authorizationId());
            upsert.setString(7, payment.declineCode());
            upsert.setString(8, payment.declineReason());
            upsert.setTimestamp(9, Timestamp.from(now));
            upsert.setTimestamp(10, Timestamp.from(now));
            upsert.executeUpdate();
        }
    }

    public void updateStatus(Connection c, Payment payment, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE payment SET status = ?, updated_at = ? WHERE order_id = ?")) {
            update.setString(1, payment.status().name());
            update.setTimestamp(2, Timestamp.from(now));
            update.setString(3, payment.orderId());
            update.executeUpdate();
        }
    }

    private static Payment read(ResultSet row) throws SQLException {
        return new Payment(
                row.getString("order_id"),
                row.getString("payment_id"),
                PaymentStatus.valueOf(row.getString("status")),
                new Money(row.getLong("amount"), row.getString("currency")),
                row.getString("authorization_id"),
                row.getString("decline_code"),
                row.getString("decline_reason"));
    }
}
