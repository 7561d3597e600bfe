package dev.oms.inventory.adapters;

import dev.oms.inventory.api.StockLevel;
import dev.oms.inventory.api.StockSeed;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The stock table: one row per SKU and warehouse. Its CHECK keeps reserved between zero and on hand. */
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
        return change(c, "UPDATE stock SET reserved = reserved + ? WHERE sku = ? AND warehouse = ?", sku, warehouse, units);
    }

    /** Units that leave the warehouse: no longer reserved, no longer on hand. */
    public StockLevel ship(Connection c, String sku, String warehouse, long units) throws SQLException {
        return change(c, "UPDATE stock SET reserved = reserved - ?, on_hand = on_hand - ? WHERE sku = ? AND warehouse = ?",
                sku, warehouse, units, units);
    }

    /** Adds {@code delta} (negative to take away) to the units on hand of one row. */
    public StockLevel adjustOnHand(Connection c, String sku, String warehouse, long delta) throws SQLException {
        return change(c, "UPDATE stock SET on_hand = on_hand + ? WHERE sku = ? AND warehouse = ?", sku, warehouse, delta);
    }

    public Optional<StockLevel> insertIfAbsent(Connection c, StockSeed seed) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO stock (sku, warehouse, on_hand, reserved) VALUES (?, ?, ?, 0)
                ON CONFLICT (sku, warehouse) DO NOTHING RETURNING sku, warehouse, on_hand, reserved""")) {
            insert.setString(1, seed.sku());
            insert.setString(2, seed.warehouse());
            insert.setLong(3, seed.onHand());
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

    private static StockLevel change(Connection c, String update, String sku, String warehouse, long... units)
            throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(update + " RETURNING sku, warehouse, on_hand, reserved")) {
            int i = 1;
            for (long unit : units) {
                statement.setLong(i++, unit);
            }
            statement.setString(i++, sku);
            statement.setString(i, warehouse);
            return read(statement).stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("no stock row for " + sku + " in " + warehouse));
        }
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
