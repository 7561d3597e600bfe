package dev.oms.payment.adapters;

import dev.oms.payment.api.PaymentProviderException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The sandbox provider's own books in schema {@value #SCHEMA}: the ledger, one row per idempotency key for every
 * operation it accepted, and every call it received (attempts). Each write commits on its own connection, as a real
 * provider's would: a rollback of the service's transaction does not undo what the provider did. Table names are
 * schema-qualified, so any pool on the database reaches them.
 */
final class SandboxLedger {
    static final String SCHEMA = "payment_provider";

    enum Operation { AUTHORIZE, CAPTURE, VOID, REFUND }

    /** One booked operation and its outcome. */
    record Entry(String idempotencyKey, Operation operation, String orderId, Long amount, String currency,
                 String outcome, String authorizationId, String paymentToken, String declineCode, String declineReason) {}

    private static final String BY_KEY = "SELECT * FROM payment_provider.ledger WHERE idempotency_key = ?";
    private static final String APPROVED_AUTHORIZATION = """
            SELECT * FROM payment_provider.ledger
            WHERE authorization_id = ? AND operation = 'AUTHORIZE' AND outcome = 'APPROVED'""";
    private static final String ON_AUTHORIZATION =
            "SELECT * FROM payment_provider.ledger WHERE authorization_id = ? AND operation = ?";
    private static final String OPEN_AUTHORIZATION_OF_ORDER = """
            SELECT * FROM payment_provider.ledger a
            WHERE a.order_id = ? AND a.operation = 'AUTHORIZE' AND a.outcome IN ('APPROVED', 'PENDING')
              AND NOT EXISTS (SELECT 1 FROM payment_provider.ledger o
                              WHERE o.authorization_id = a.authorization_id AND o.operation IN ('CAPTURE', 'VOID'))
            ORDER BY a.created_at DESC, a.idempotency_key DESC LIMIT 1""";

    private final DataSource dataSource;

    SandboxLedger(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Books the entry unless its key is already booked; returns what is booked under the key either way. An
     * authorization is captured, voided and refunded at most once whatever the key: a second one is refused.
     */
    Entry bookOnce(Entry entry, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            return insertOnce(c, entry, now);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static Entry insertOnce(Connection c, Entry entry, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO payment_provider.ledger (idempotency_key, operation, order_id, amount, currency, outcome,
                            authorization_id, payment_token, decline_code, decline_reason, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            insert.setString(1, entry.idempotencyKey());
            insert.setString(2, entry.operation().name());
            insert.setString(3, entry.orderId());
            insert.setObject(4, entry.amount());
            insert.setString(5, entry.currency());
            insert.setString(6, entry.outcome());
            insert.setString(7, entry.authorizationId());
            insert.setString(8, entry.paymentToken());
            insert.setString(9, entry.declineCode());
            insert.setString(10, entry.declineReason());
            insert.setTimestamp(11, Timestamp.from(now));
            insert.executeUpdate();
        }
        return find(c, BY_KEY, entry.idempotencyKey()).orElseThrow(() -> new PaymentProviderException("sandbox: "
                + entry.authorizationId() + " already has a " + entry.operation() + " under another key", null));
    }

    /**
     * Books a refund unless its key is booked already, and only while the authorization's refunds stay within its
     * capture: the authorization's row is locked meanwhile, so refunds under different keys cannot overtake each other.
     */
    Entry bookRefund(Entry refund, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                find(c, APPROVED_AUTHORIZATION + " FOR UPDATE", refund.authorizationId());
                Optional<Entry> booked = find(c, BY_KEY, refund.idempotencyKey());
                if (booked.isEmpty()) {
                    long captured = sum(c, refund.authorizationId(), Operation.CAPTURE);
                    long refunded = sum(c, refund.authorizationId(), Operation.REFUND);
                    if (refunded + refund.amount() > captured) {
                        throw new PaymentProviderException("sandbox: a refund of " + refund.amount() + " on "
                                + refund.authorizationId() + " exceeds the " + (captured - refunded) + " left", null);
                    }
                    booked = Optional.of(insertOnce(c, refund, now));
                }
                c.commit();
                return booked.get();
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static long sum(Connection c, String authorizationId, Operation operation) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT coalesce(sum(amount), 0) FROM payment_provider.ledger WHERE authorization_id = ? AND operation = ?""")) {
            select.setString(1, authorizationId);
            select.setString(2, operation.name());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Records one call and its outcome. */
    void recordAttempt(String idempotencyKey, Operation operation, String orderId, String outcome, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO payment_provider.attempt (idempotency_key, operation, order_id, outcome, created_at)
                    VALUES (?, ?, ?, ?, ?)""")) {
                insert.setString(1, idempotencyKey);
                insert.setString(2, operation.name());
                insert.setString(3, orderId);
                insert.setString(4, outcome);
                insert.setTimestamp(5, Timestamp.from(now));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** How many calls of this operation the key has had so far. */
    int attempts(String idempotencyKey, Operation operation) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement count = c.prepareStatement(
                     "SELECT count(*) FROM payment_provider.attempt WHERE idempotency_key = ? AND operation = ?")) {
            count.setString(1, idempotencyKey);
            count.setString(2, operation.name());
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** The approved authorization with this id, if the sandbox ever granted it. */
    Optional<Entry> approvedAuthorization(String authorizationId) {
        return find(APPROVED_AUTHORIZATION, authorizationId);
    }

    /** A decision on a pending authorization: APPROVED or DECLINED, and the authorization's id. */
    record Decision(String reference, String outcome, String authorizationId) {}

    /** The decision taken on the reference before its authorization was asked for, if one was. */
    Optional<Decision> decisionFor(String reference) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT outcome, authorization_id FROM payment_provider.decision WHERE reference = ?")) {
            select.setString(1, reference);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Decision(reference, row.getString(1), row.getString(2)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /**
     * Decides the pending authorization booked under {@code reference}, or records the decision for when it is asked
     * for. An authorization voided meanwhile is declined whatever was asked. Returns the decision as it stands (a
     * second decision does not change the first).
     */
    Decision decide(String reference, boolean approve, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Decision decision = decide(c, reference, approve, now);
                c.commit();
                return decision;
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static Decision decide(Connection c, String reference, boolean approve, Instant now) throws SQLException {
        Optional<Entry> booked = find(c, """
                SELECT * FROM payment_provider.ledger WHERE payment_token = ? AND operation = 'AUTHORIZE'
                ORDER BY created_at DESC LIMIT 1 FOR UPDATE""", reference);
        if (booked.isPresent()) {
            Entry authorization = booked.get();
            if (authorization.outcome().equals("PENDING")) {
                boolean voided = find(c, ON_AUTHORIZATION, authorization.authorizationId(), Operation.VOID.name()).isPresent();
                String outcome = approve && !voided ? "APPROVED" : "DECLINED";
                try (PreparedStatement update = c.prepareStatement("""
                        UPDATE payment_provider.ledger SET outcome = ?, decline_code = ?, decline_reason = ?
                        WHERE idempotency_key = ?""")) {
                    update.setString(1, outcome);
                    update.setString(2, outcome.equals("APPROVED") ? null : "authentication_failed");
                    update.setString(3, outcome.equals("APPROVED") ? null : "the card holder did not confirm the payment");
                    update.setString(4, authorization.idempotencyKey());
                    update.executeUpdate();
                }
                return new Decision(reference, outcome, authorization.authorizationId());
            }
            return new Decision(reference, authorization.outcome(), authorization.authorizationId());
        }
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO payment_provider.decision (reference, outcome, authorization_id, decided_at)
                VALUES (?, ?, ?, ?) ON CONFLICT (reference) DO NOTHING""")) {
            insert.setString(1, reference);
            insert.setString(2, approve ? "APPROVED" : "DECLINED");
            insert.setString(3, "sbx_auth_" + java.util.UUID.randomUUID());
            insert.setTimestamp(4, Timestamp.from(now));
            insert.executeUpdate();
        }
        try (PreparedStatement select = c.prepareStatement(
                "SELECT outcome, authorization_id FROM payment_provider.decision WHERE reference = ?")) {
            select.setString(1, reference);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new Decision(reference, row.getString(1), row.getString(2));
            }
        }
    }

    /** What is booked under the key, if anything. */
    Optional<Entry> booked(String idempotencyKey) {
        return find(BY_KEY, idempotencyKey);
    }

    /** True when an authorization with this payment token is booked under a key other than {@code key}. */
    boolean authorizedElsewhere(String paymentToken, String key) {
        return find("""
                SELECT * FROM payment_provider.ledger
                WHERE payment_token = ? AND operation = 'AUTHORIZE' AND idempotency_key <> ? LIMIT 1""",
                paymentToken, key).isPresent();
    }

    /** True when an approved authorization of the order is booked under a key other than {@code key}. */
    boolean approvedElsewhere(String orderId, String key) {
        return find("""
                SELECT * FROM payment_provider.ledger WHERE order_id = ? AND operation = 'AUTHORIZE'
                  AND outcome = 'APPROVED' AND idempotency_key <> ? LIMIT 1""", orderId, key).isPresent();
    }

    /**
     * The latest approved or pending authorization of the order that is neither captured nor voided: what a void
     * without authorization id releases. An order with increments has several authorizations; increments come only
     * after the original was captured, so while the original is open it is the only one, and an increment voided
     * unanswered is the latest.
     */
    Optional<Entry> openAuthorizationOf(String orderId) {
        return find(OPEN_AUTHORIZATION_OF_ORDER, orderId);
    }

    /** The booked operation of this kind on the authorization, under whatever key. */
    Optional<Entry> bookedOn(String authorizationId, Operation operation) {
        return find(ON_AUTHORIZATION, authorizationId, operation.name());
    }

    private Optional<Entry> find(String query, String... values) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, query, values);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static Optional<Entry> find(Connection c, String query, String... values) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(query)) {
            for (int i = 0; i < values.length; i++) {
                select.setString(i + 1, values[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Entry(row.getString("idempotency_key"),
                        Operation.valueOf(row.getString("operation")), row.getString("order_id"),
                        row.getObject("amount", Long.class), row.getString("currency"), row.getString("outcome"),
                        row.getString("authorization_id"), row.getString("payment_token"),
                        row.getString("decline_code"), row.getString("decline_reason")));
            }
        }
    }

    private static PaymentProviderException unavailable(SQLException e) {
        return new PaymentProviderException("sandbox ledger unavailable: " + e.getMessage(), e);
    }
}
