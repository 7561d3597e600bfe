package dev.oms.payment.adapters;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The sandbox provider's own books, one row per idempotency key. Each booking commits on its own connection, as
 * a real provider's would: a rollback of the service's transaction does not undo what the provider did.
 */
final class SandboxLedger {

    /** One booked operation and its outcome. */
    record Entry(String idempotencyKey, String operation, String orderId, Long amount, String currency, String outcome,
                 String authorizationId, String declineCode, String declineReason) {}

    private static final String BY_KEY = "SELECT * FROM sandbox_ledger WHERE idempotency_key = ?";
    private static final String APPROVED_AUTHORIZATION = """
            SELECT * FROM sandbox_ledger WHERE authorization_id = ? AND operation = 'AUTHORIZE' AND outcome = 'APPROVED'""";

    private final DataSource dataSource;

    SandboxLedger(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Books the entry unless its key is already booked; returns what is booked under the key either way. */
    Entry bookOnce(Entry entry, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO sandbox_ledger (idempotency_key, operation, order_id, amount, currency, outcome,
                                                authorization_id, decline_code, decline_reason, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING""")) {
                insert.setString(1, entry.idempotencyKey());
                insert.setString(2, entry.operation());
                insert.setString(3, entry.orderId());
                insert.setObject(4, entry.amount());
                insert.setString(5, entry.currency());
                insert.setString(6, entry.outcome());
                insert.setString(7, entry.authorizationId());
                insert.setString(8, entry.declineCode());
                insert.setString(9, entry.declineReason());
                insert.setTimestamp(10, Timestamp.from(now));
                insert.executeUpdate();
            }
            return find(c, BY_KEY, entry.idempotencyKey()).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException("sandbox ledger unavailable: " + e.getMessage(), e);
        }
    }

    /** The approved authorization with this id, if the sandbox ever granted it. */
    Optional<Entry> approvedAuthorization(String authorizationId) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, APPROVED_AUTHORIZATION, authorizationId);
        } catch (SQLException e) {
            throw new IllegalStateException("sandbox ledger unavailable: " + e.getMessage(), e);
        }
    }

    private static Optional<Entry> find(Connection c, String query, String value) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(query)) {
            select.setString(1, value);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Entry(row.getString("idempotency_key"), row.getString("operation"),
                        row.getString("order_id"), row.getObject("amount", Long.class), row.getString("currency"),
                        row.getString("outcome"), row.getString("authorization_id"), row.getString("decline_code"),
                        row.getString("decline_reason")));
            }
        }
    }
}
