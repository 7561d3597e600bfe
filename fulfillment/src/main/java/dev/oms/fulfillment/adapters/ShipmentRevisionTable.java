package dev.oms.fulfillment.adapters;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The shipment_revision table: how each order edit ended, so that a repeat answers the same. */
final class ShipmentRevisionTable {

    /** An edit applied ({@code refusal} null) or refused for that reason. */
    record Outcome(String refusal) {
        static final Outcome REVISED = new Outcome(null);

        boolean refused() {
            return refusal != null;
        }
    }

    Optional<Outcome> find(Connection c, String orderId, String operationId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT reason FROM shipment_revision WHERE order_id = ? AND operation_id = ?")) {
            select.setString(1, orderId);
            select.setString(2, operationId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Outcome(row.getString(1))) : Optional.empty();
            }
        }
    }

    void record(Connection c, String orderId, String operationId, Outcome outcome, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO shipment_revision (order_id, operation_id, outcome, reason, created_at)
                VALUES (?, ?, ?, ?, ?)""")) {
            insert.setString(1, orderId);
            insert.setString(2, operationId);
            insert.setString(3, outcome.refused() ? "REFUSED" : "REVISED");
            insert.setString(4, outcome.refusal());
            insert.setTimestamp(5, Timestamp.from(now));
            insert.executeUpdate();
        }
    }
}
