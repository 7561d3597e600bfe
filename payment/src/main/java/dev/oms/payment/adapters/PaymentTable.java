package dev.oms.payment.adapters;

import dev.oms.payment.api.Money;
import dev.oms.payment.domain.Payment;
import dev.oms.payment.domain.PaymentLedger;
import dev.oms.payment.domain.PaymentStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The payment table: one payment per order, its totals including the order edits' increments. */
public final class PaymentTable {

    /** The order's payment, its row locked until the transaction ends. */
    public Optional<Payment> findForUpdate(Connection c, String orderId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT order_id, payment_id, status, amount, currency, authorization_id, decline_code, decline_reason,
                       captured_amount, refunded_amount, voided_amount
                FROM payment WHERE order_id = ? FOR UPDATE""")) {
            select.setString(1, orderId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    /** The payment whose authorization the provider names {@code reference}, its row locked. */
    public Optional<Payment> findByReferenceForUpdate(Connection c, String reference) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT order_id, payment_id, status, amount, currency, authorization_id, decline_code, decline_reason,
                       captured_amount, refunded_amount, voided_amount
                FROM payment WHERE provider_reference = ? ORDER BY created_at DESC LIMIT 1 FOR UPDATE""")) {
            select.setString(1, reference);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(read(row)) : Optional.empty();
            }
        }
    }

    /** Remembers a pending authorization: the provider's reference for it, and the saga waiting for its answer. */
    public void pending(Connection c, String orderId, String reference, String sagaId) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE payment SET provider_reference = ?, saga_id = ? WHERE order_id = ?")) {
            update.setString(1, reference);
            update.setString(2, sagaId);
            update.setString(3, orderId);
            update.executeUpdate();
        }
    }

    /** The saga that waits for the payment's pending authorization. */
    public String sagaOf(Connection c, String orderId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT saga_id FROM payment WHERE order_id = ?")) {
            select.setString(1, orderId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
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

    /** Writes the payment's status and ledger, and its amount (which an order edit's increment raises). */
    public void updateStatus(Connection c, Payment payment, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE payment SET status = ?, amount = ?, captured_amount = ?, refunded_amount = ?, voided_amount = ?,
                                   updated_at = ?
                WHERE order_id = ?""")) {
            update.setString(1, payment.status().name());
            update.setLong(2, payment.amount().amount());
            update.setLong(3, payment.ledger().captured());
            update.setLong(4, payment.ledger().refunded());
            update.setLong(5, payment.ledger().voided());
            update.setTimestamp(6, Timestamp.from(now));
            update.setString(7, payment.orderId());
            update.executeUpdate();
        }
    }

    /** The amount of an operation asked for by id before (kind CAPTURE or REFUND), if there was one. */
    public Optional<Money> operation(Connection c, String orderId, String kind, String operationId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT amount, currency FROM payment_operation WHERE order_id = ? AND kind = ? AND operation_id = ?")) {
            select.setString(1, orderId);
            select.setString(2, kind);
            select.setString(3, operationId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Money(row.getLong(1), row.getString(2))) : Optional.empty();
            }
        }
    }

    public void recordOperation(Connection c, String orderId, String kind, String operationId, Money amount,
                                Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO payment_operation (order_id, kind, operation_id, amount, currency, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, orderId);
            insert.setString(2, kind);
            insert.setString(3, operationId);
            insert.setLong(4, amount.amount());
            insert.setString(5, amount.currency());
            insert.setTimestamp(6, Timestamp.from(now));
            insert.executeUpdate();
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
                row.getString("decline_reason"),
                ledger(row));
    }

    private static PaymentLedger ledger(ResultSet row) throws SQLException {
        long authorized = row.getString("authorization_id") == null ? 0 : row.getLong("amount");
        return new PaymentLedger(row.getString("currency"), authorized, row.getLong("captured_amount"),
                row.getLong("refunded_amount"), row.getLong("voided_amount"));
    }
}
