package dev.oms.order.adapters;

import dev.oms.order.domain.EditStatus;
import dev.oms.order.domain.OrderEdit;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Order edits (order_edit) and the order lines they change, in the order schema. */
public final class EditTable {

    /** An edit as stored. */
    public record StoredEdit(String editId, String orderId, EditStatus status, String sagaId, long previousTotal,
                             long newTotal, String currency, String failure) {}

    /** Gives the order its edited lines (0 units removes a line) and its new total. */
    public void applyLines(Connection c, String orderId, List<OrderEdit.Changed> changes, long newTotal, Instant now)
            throws SQLException {
        UUID id = UUID.fromString(orderId);
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM order_line WHERE order_id = ? AND sku = ?");
             PreparedStatement upsert = c.prepareStatement("""
                     INSERT INTO order_line (order_id, sku, quantity, unit_price) VALUES (?, ?, ?, ?)
                     ON CONFLICT (order_id, sku) DO UPDATE SET quantity = excluded.quantity""")) {
            for (OrderEdit.Changed change : changes) {
                if (change.quantity() == 0) {
                    delete.setObject(1, id);
                    delete.setString(2, change.sku());
                    delete.addBatch();
                } else {
                    upsert.setObject(1, id);
                    upsert.setString(2, change.sku());
                    upsert.setInt(3, change.quantity());
                    upsert.setLong(4, change.unitPrice());
                    upsert.addBatch();
                }
            }
            delete.executeBatch();
            upsert.executeBatch();
        }
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE orders SET total_amount = ?, updated_at = ? WHERE order_id = ?")) {
            update.setLong(1, newTotal);
            update.setTimestamp(2, Timestamp.from(now));
            update.setObject(3, id);
            update.executeUpdate();
        }
    }

    public void insert(Connection c, String editId, String orderId, String key, long previousTotal, long newTotal,
                       String currency, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO order_edit (edit_id, order_id, status, idempotency_key, previous_total, new_total, currency,
                                        requested_at, updated_at)
                VALUES (?, ?, 'REQUESTED', ?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, UUID.fromString(editId));
            insert.setObject(2, UUID.fromString(orderId));
            insert.setString(3, key);
            insert.setLong(4, previousTotal);
            insert.setLong(5, newTotal);
            insert.setString(6, currency);
            insert.setTimestamp(7, Timestamp.from(now));
            insert.setTimestamp(8, Timestamp.from(now));
            insert.executeUpdate();
        }
    }

    public void attachSaga(Connection c, String editId, String sagaId) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE order_edit SET saga_id = ? WHERE edit_id = ?")) {
            update.setString(1, sagaId);
            update.setObject(2, UUID.fromString(editId));
            update.executeUpdate();
        }
    }

    public void setStatus(Connection c, String editId, EditStatus status, String failure, Instant now)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE order_edit SET status = ?, failure = ?, updated_at = ? WHERE edit_id = ?")) {
            update.setString(1, status.name());
            update.setString(2, failure);
            update.setTimestamp(3, Timestamp.from(now));
            update.setObject(4, UUID.fromString(editId));
            update.executeUpdate();
        }
    }

    public Optional<StoredEdit> lock(Connection c, String editId) throws SQLException {
        return one(c, "SELECT * FROM order_edit WHERE edit_id = ? FOR UPDATE", UUID.fromString(editId));
    }

    public Optional<StoredEdit> byKey(Connection c, String key) throws SQLException {
        return one(c, "SELECT * FROM order_edit WHERE idempotency_key = ?", key);
    }

    /** The order's edit whose saga still runs, if any. */
    public Optional<StoredEdit> running(Connection c, String orderId) throws SQLException {
        return one(c, "SELECT * FROM order_edit WHERE order_id = ? AND status = 'REQUESTED'", UUID.fromString(orderId));
    }

    private static Optional<StoredEdit> one(Connection c, String sql, Object key) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setObject(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new StoredEdit(row.getString("edit_id"), row.getString("order_id"),
                        EditStatus.valueOf(row.getString("status")), row.getString("saga_id"),
                        row.getLong("previous_total"), row.getLong("new_total"), row.getString("currency"),
                        row.getString("failure"))) : Optional.empty();
            }
        }
    }

    /** Keeps the price a sku is listed at now (a later listing replaces it). */
    public void listPrice(Connection c, String sku, long amount, String currency, Instant at) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO catalog_price (sku, amount, currency, listed_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (sku) DO UPDATE SET amount = excluded.amount, currency = excluded.currency,
                    listed_at = excluded.listed_at
                WHERE catalog_price.listed_at <= excluded.listed_at""")) {
            upsert.setString(1, sku);
            upsert.setLong(2, amount);
            upsert.setString(3, currency);
            upsert.setTimestamp(4, Timestamp.from(at));
            upsert.executeUpdate();
        }
    }

    public Optional<OrderEdit.Price> listedPrice(Connection c, String sku) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT amount, currency FROM catalog_price WHERE sku = ?")) {
            select.setString(1, sku);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new OrderEdit.Price(row.getLong(1), row.getString(2))) : Optional.empty();
            }
        }
    }
}
