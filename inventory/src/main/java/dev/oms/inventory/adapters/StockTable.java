package dev.oms.inventory.adapters;

import dev.oms.inventory.api.StockLevel;
import dev.oms.inventory.api.StockSeed;
import dev.oms.inventory.domain.MovementReason;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The stock table: one row per SKU and warehouse. Its CHECK keeps reserved between zero and on hand. Every change
 * of on hand writes its stock_movement row in the same statement, so on hand is always the sum of the movements.
 */
public final class StockTable {

    /**
     * Locks every row of the given SKUs, always in (sku, warehouse) order, so that concurrent reservations of
     * overlapping SKUs queue up behind each other instead of deadlocking.
     */
    public List<StockLevel> lockForUpdate(Connection c, Collection<String> skus) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT sku, warehouse, on_hand, reserved FROM stock WHERE sku = ANY (?)
                ORDER BY sku, warehouse FOR UPDATE""")) {
            Array array = c.createArrayOf("text", skus.toArray());
            select.setArray(1, array);
            return read(select);
        }
    }

    /** Adds {@code units} (negative to give back) to the reserved units of one row. */
    public StockLevel reserve(Connection c, String sku, String warehouse, long units) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE stock SET reserved = reserved + ? WHERE sku = ? AND warehouse = ?
                RETURNING sku, warehouse, on_hand, reserved""")) {
            update.setLong(1, units);
            update.setString(2, sku);
            update.setString(3, warehouse);
            return single(update, sku, warehouse);
        }
    }

    /** Units that leave the warehouse for an order: no longer reserved, no longer on hand. */
    public StockLevel ship(Connection c, String sku, String warehouse, long units, String orderId, Instant at)
            throws SQLException {
        return moveOnHand(c, sku, warehouse, -units, -units, MovementReason.COMMIT, orderId, null, at);
    }

    /** Units that leave the warehouse for an order that holds none of them (its reservation expired). */
    public StockLevel take(Connection c, String sku, String warehouse, long units, String orderId, Instant at)
            throws SQLException {
        return moveOnHand(c, sku, warehouse, -units, 0, MovementReason.COMMIT, orderId, null, at);
    }

    /** Units that leave the warehouse for an order as one operation (an order edit); the note names it. */
    public StockLevel takeOperation(Connection c, String sku, String warehouse, long units, String orderId, String note,
                                    Instant at) throws SQLException {
        return moveOnHand(c, sku, warehouse, -units, 0, MovementReason.COMMIT, orderId, note, at);
    }

    /** Units of a cancelled order that come back on hand. */
    public StockLevel restock(Connection c, String sku, String warehouse, long units, String orderId, Instant at)
            throws SQLException {
        return moveOnHand(c, sku, warehouse, units, 0, MovementReason.RESTOCK, orderId, null, at);
    }

    /**
     * Units back on hand in the warehouse that has them, as one operation: a return's restockable units (RETURN), or
     * the units of a partly shipped order's cancelled rest, which never left, or of an order edit (RESTOCK). The note
     * names the operation.
     */
    public StockLevel restockOperation(Connection c, String sku, String warehouse, long units, String orderId,
                                       MovementReason reason, String note, Instant at) throws SQLException {
        return moveOnHand(c, sku, warehouse, units, 0, reason, orderId, note, at);
    }

    /** Adds {@code delta} (negative to take away) to the units on hand of one row: an operator's adjustment. */
    public StockLevel adjustOnHand(Connection c, String sku, String warehouse, long delta, String note, Instant at)
            throws SQLException {
        return moveOnHand(c, sku, warehouse, delta, 0, MovementReason.ADJUST, null, note, at);
    }

    /** Creates the row with its units on hand, recorded as a movement of the given reason; empty if it exists. */
    public Optional<StockLevel> insertIfAbsent(Connection c, StockSeed seed, MovementReason reason, String note,
                                               Instant at) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                WITH inserted AS (
                    INSERT INTO stock (sku, warehouse, on_hand, reserved) VALUES (?, ?, ?, 0)
                    ON CONFLICT (sku, warehouse) DO NOTHING RETURNING sku, warehouse, on_hand, reserved),
                moved AS (
                    INSERT INTO stock_movement (sku, warehouse, delta, reason, order_id, note, occurred_at)
                    SELECT sku, warehouse, on_hand, ?, NULL, ?, ? FROM inserted)
                SELECT sku, warehouse, on_hand, reserved FROM inserted""")) {
            insert.setString(1, seed.sku());
            insert.setString(2, seed.warehouse());
            insert.setLong(3, seed.onHand());
            insert.setString(4, reason.name());
            insert.setString(5, note);
            insert.setTimestamp(6, Timestamp.from(at));
            return read(insert).stream().findFirst();
        }
    }

    public List<StockLevel> levels(Connection c, String sku) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT sku, warehouse, on_hand, reserved FROM stock WHERE sku = ? ORDER BY warehouse")) {
            select.setString(1, sku);
            return read(select);
        }
    }

    /** Changes on hand (and reserved) of one row and records the movement, in one statement. */
    private static StockLevel moveOnHand(Connection c, String sku, String warehouse, long onHandDelta, long reservedDelta,
                                         MovementReason reason, String orderId, String note, Instant at)
            throws SQLException {
        try (PreparedStatement statement = c.prepareStatement("""
                WITH changed AS (
                    UPDATE stock SET on_hand = on_hand + ?, reserved = reserved + ? WHERE sku = ? AND warehouse = ?
                    RETURNING sku, warehouse, on_hand, reserved),
                moved AS (
                    INSERT INTO stock_movement (sku, warehouse, delta, reason, order_id, note, occurred_at)
                    SELECT sku, warehouse, ?, ?, ?, ?, ? FROM changed)
                SELECT sku, warehouse, on_hand, reserved FROM changed""")) {
            statement.setLong(1, onHandDelta);
            statement.setLong(2, reservedDelta);
            statement.setString(3, sku);
            statement.setString(4, warehouse);
            statement.setLong(5, onHandDelta);
            statement.setString(6, reason.name());
            statement.setString(7, orderId);
            statement.setString(8, note);
            statement.setTimestamp(9, Timestamp.from(at));
            return single(statement, sku, warehouse);
        }
    }

    private static StockLevel single(PreparedStatement statement, String sku, String warehouse) throws SQLException {
        return read(statement).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no stock row for " + sku + " in " + warehouse));
    }

    private static List<StockLevel> read(PreparedStatement statement) throws SQLException {
        List<StockLevel> levels = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                levels.add(new StockLevel(row.getString("sku"), row.getString("warehouse"), row.getLong("on_hand"),
                        row.getLong("reserved")));
            }
        }
        return levels;
    }
}
