package dev.oms.inventory.adapters;

import dev.oms.inventory.domain.StockAdjustment;
import dev.oms.inventory.domain.StockAdjustment.Status;
import dev.oms.inventory.domain.StockMove;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The stock_adjustment and stock_adjustment_line tables: each order edit's adjustment, once per operation. */
final class StockAdjustmentTable {

    /** The adjustment, its row locked until the transaction ends; moves in (sku, warehouse) order. */
    Optional<StockAdjustment> findForUpdate(Connection c, String orderId, String operationId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT status FROM stock_adjustment WHERE order_id = ? AND operation_id = ? FOR UPDATE")) {
            select.setString(1, orderId);
            select.setString(2, operationId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StockAdjustment(orderId, operationId, Status.valueOf(row.getString("status")),
                        moves(c, orderId, operationId)));
            }
        }
    }

    void insertApplied(Connection c, String orderId, String operationId, List<StockMove> moves, Instant now)
            throws SQLException {
        if (!insert(c, orderId, operationId, Status.APPLIED, null, now)) {
            throw new IllegalStateException("adjustment " + operationId + " of order " + orderId + " is recorded already");
        }
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO stock_adjustment_line (order_id, operation_id, sku, warehouse, quantity)
                VALUES (?, ?, ?, ?, ?)""")) {
            for (StockMove move : moves) {
                insert.setString(1, orderId);
                insert.setString(2, operationId);
                insert.setString(3, move.sku());
                insert.setString(4, move.warehouse());
                insert.setInt(5, move.quantity());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** An undo that came before its adjustment: the operation is withdrawn and will never move anything. */
    void insertWithdrawn(Connection c, String orderId, String operationId, String reason, Instant now)
            throws SQLException {
        insert(c, orderId, operationId, Status.UNDONE, reason, now);
    }

    void markUndone(Connection c, String orderId, String operationId, String reason, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE stock_adjustment SET status = 'UNDONE', undo_reason = ?, updated_at = ?
                WHERE order_id = ? AND operation_id = ?""")) {
            update.setString(1, reason);
            update.setTimestamp(2, Timestamp.from(now));
            update.setString(3, orderId);
            update.setString(4, operationId);
            update.executeUpdate();
        }
    }

    /** False when the row exists: two undos of an order without reservation are not serialised by its lock. */
    private static boolean insert(Connection c, String orderId, String operationId, Status status, String reason,
                               Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO stock_adjustment (order_id, operation_id, status, undo_reason, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (order_id, operation_id) DO NOTHING""")) {
            insert.setString(1, orderId);
            insert.setString(2, operationId);
            insert.setString(3, status.name());
            insert.setString(4, reason);
            insert.setTimestamp(5, Timestamp.from(now));
            insert.setTimestamp(6, Timestamp.from(now));
            return insert.executeUpdate() == 1;
        }
    }

    private static List<StockMove> moves(Connection c, String orderId, String operationId) throws SQLException {
        // byte order, like String.compareTo, so a repeat lists the moves as the first reply did
        try (PreparedStatement select = c.prepareStatement("""
                SELECT sku, warehouse, quantity FROM stock_adjustment_line WHERE order_id = ? AND operation_id = ?
                ORDER BY sku COLLATE "C", warehouse COLLATE "C\"""")) {
            select.setString(1, orderId);
            select.setString(2, operationId);
            List<StockMove> moves = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    moves.add(new StockMove(row.getString("sku"), row.getString("warehouse"), row.getInt("quantity")));
                }
            }
            return moves;
        }
    }
}
