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

    public void insert(Connection c, Payment payment, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO payment (order_id, payment_id, status, amount, currency, authorization_id, decline_code,
                                     decline_reason, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, payment.orderId());
            insert.setString(2, payment.paymentId());
            insert.setString(3, payment.status().name());
            insert.setLong(4, payment.amount().amount());
            insert.setString(5, payment.amount().currency());
            insert.setString(6, payment.authorizationId());
            insert.setString(7, payment.declineCode());
            insert.setString(8, payment.declineReason());
            insert.setTimestamp(9, Timestamp.from(now));
            insert.setTimestamp(10, Timestamp.from(now));
            insert.executeUpdate();
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
