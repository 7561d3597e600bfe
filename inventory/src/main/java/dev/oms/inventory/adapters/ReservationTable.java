package dev.oms.inventory.adapters;

import dev.oms.inventory.domain.Allocation;
import dev.oms.inventory.domain.Reservation;
import dev.oms.inventory.domain.ReservationStatus;
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
 * The reservation and reservation_line tables: one reservation per order, its lines by warehouse. A HELD
 * reservation carries the time it expires at.
 */
public final class ReservationTable {

    /** The order's reservation, its row locked until the transaction ends; lines in (sku, warehouse) order. */
    public Optional<Reservation> findForUpdate(Connection c, String orderId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT status FROM reservation WHERE order_id = ? FOR UPDATE")) {
            select.setString(1, orderId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                ReservationStatus status = ReservationStatus.valueOf(row.getString("status"));
                return Optional.of(new Reservation(orderId, status, lines(c, orderId)));
            }
        }
    }

    /** Up to {@code limit} HELD reservations whose time ran out by {@code now}, locked; rows others hold are skipped. */
    public List<Reservation> lockExpired(Connection c, Instant now, int limit) throws SQLException {
        List<String> orderIds = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("""
                SELECT order_id FROM reservation WHERE status = 'HELD' AND expires_at <= ?
                ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED""")) {
            select.setTimestamp(1, Timestamp.from(now));
            select.setInt(2, limit);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    orderIds.add(row.getString("order_id"));
                }
            }
        }
        List<Reservation> expired = new ArrayList<>();
        for (String orderId : orderIds) {
            expired.add(new Reservation(orderId, ReservationStatus.HELD, lines(c, orderId)));
        }
        return expired;
    }

    /** Records a new reservation that holds its units until {@code expiresAt}. */
    public void insert(Connection c, Reservation reservation, Instant now, Instant expiresAt) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO reservation (order_id, status, created_at, updated_at, expires_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, reservation.orderId());
            insert.setString(2, reservation.status().name());
            insert.setTimestamp(3, Timestamp.from(now));
            insert.setTimestamp(4, Timestamp.from(now));
            insert.setTimestamp(5, Timestamp.from(expiresAt));
            insert.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO reservation_line (order_id, sku, warehouse, quantity) VALUES (?, ?, ?, ?)")) {
            for (Allocation line : reservation.lines()) {
                insert.setString(1, reservation.orderId());
                insert.setString(2, line.sku());
                insert.setString(3, line.warehouse());
                insert.setInt(4, line.quantity());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    public void updateStatus(Connection c, Reservation reservation, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE reservation SET status = ?, updated_at = ? WHERE order_id = ?")) {
            update.setString(1, reservation.status().name());
            update.setTimestamp(2, Timestamp.from(now));
            update.setString(3, reservation.orderId());
            update.executeUpdate();
        }
    }

    /** Sets the units the order holds of a SKU in a warehouse: the line is added, changed, or removed at zero. */
    public void setLine(Connection c, String orderId, String sku, String warehouse, int quantity) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(quantity == 0
                ? "DELETE FROM reservation_line WHERE order_id = ? AND sku = ? AND warehouse = ?"
                : """
                INSERT INTO reservation_line (order_id, sku, warehouse, quantity) VALUES (?, ?, ?, ?)
                ON CONFLICT (order_id, sku, warehouse) DO UPDATE SET quantity = EXCLUDED.quantity""")) {
            statement.setString(1, orderId);
            statement.setString(2, sku);
            statement.setString(3, warehouse);
            if (quantity != 0) {
                statement.setInt(4, quantity);
            }
            statement.executeUpdate();
        }
    }

    private static List<Allocation> lines(Connection c, String orderId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT sku, warehouse, quantity FROM reservation_line WHERE order_id = ? ORDER BY sku, warehouse")) {
            select.setString(1, orderId);
            List<Allocation> lines = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    lines.add(new Allocation(row.getString("sku"), row.getString("warehouse"), row.getInt("quantity")));
                }
            }
            return lines;
        }
    }
}
