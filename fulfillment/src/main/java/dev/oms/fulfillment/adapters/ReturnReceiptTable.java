package dev.oms.fulfillment.adapters;

import dev.oms.fulfillment.domain.ReturnReceiptStatus;
import dev.oms.fulfillment.domain.ReturnedUnits.Placed;
import dev.oms.fulfillment.domain.ShipmentLine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Returns the warehouse expects or received: return_receipt with its expected lines and received units. */
final class ReturnReceiptTable {

    /** One return as recorded; {@code units} is empty until it is received. */
    record Receipt(String returnId, String orderId, ReturnReceiptStatus status, String sagaId,
                   Map<String, Integer> expected, List<Placed> units) {}

    /** Records the expected return; false when the return is recorded already (whatever its status). */
    boolean insert(Connection c, String returnId, String orderId, ReturnReceiptStatus status, String sagaId,
                   Map<String, Integer> expected, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO return_receipt (return_id, order_id, status, saga_id, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (return_id) DO NOTHING""")) {
            insert.setString(1, returnId);
            insert.setString(2, orderId);
            insert.setString(3, status.name());
            insert.setString(4, sagaId);
            insert.setTimestamp(5, Timestamp.from(now));
            insert.setTimestamp(6, Timestamp.from(now));
            if (insert.executeUpdate() == 0) {
                return false;
            }
        }
        try (PreparedStatement line = c.prepareStatement(
                "INSERT INTO return_receipt_line (return_id, sku, expected) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, Integer> entry : expected.entrySet()) {
                line.setString(1, returnId);
                line.setString(2, entry.getKey());
                line.setInt(3, entry.getValue());
                line.addBatch();
            }
            line.executeBatch();
        }
        return true;
    }

    /** The return, its row locked until the transaction ends. */
    Optional<Receipt> findForUpdate(Connection c, String returnId) throws SQLException {
        String orderId;
        ReturnReceiptStatus status;
        String sagaId;
        try (PreparedStatement select = c.prepareStatement(
                "SELECT order_id, status, saga_id FROM return_receipt WHERE return_id = ? FOR UPDATE")) {
            select.setString(1, returnId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                orderId = row.getString(1);
                status = ReturnReceiptStatus.valueOf(row.getString(2));
                sagaId = row.getString(3);
            }
        }
        Map<String, Integer> expected = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "SELECT sku, expected FROM return_receipt_line WHERE return_id = ? ORDER BY sku")) {
            select.setString(1, returnId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    expected.put(row.getString(1), row.getInt(2));
                }
            }
        }
        List<Placed> units = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("""
                SELECT sku, warehouse, restockable, damaged FROM return_receipt_unit WHERE return_id = ?
                ORDER BY sku, warehouse""")) {
            select.setString(1, returnId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    units.add(new Placed(row.getString(1), row.getString(2), row.getInt(3), row.getInt(4)));
                }
            }
        }
        return Optional.of(new Receipt(returnId, orderId, status, sagaId, expected, units));
    }

    void received(Connection c, Receipt receipt, List<Placed> units, Instant now) throws SQLException {
        setStatus(c, receipt, ReturnReceiptStatus.RECEIVED, now);
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO return_receipt_unit (return_id, sku, warehouse, restockable, damaged) VALUES (?, ?, ?, ?, ?)""")) {
            for (Placed unit : units) {
                insert.setString(1, receipt.returnId());
                insert.setString(2, unit.sku());
                insert.setString(3, unit.warehouse());
                insert.setInt(4, unit.restockable());
                insert.setInt(5, unit.damaged());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    void cancelled(Connection c, Receipt receipt, Instant now) throws SQLException {
        setStatus(c, receipt, ReturnReceiptStatus.CANCELLED, now);
    }

    /** What the order's shipments that left their warehouse carried, per sku and warehouse. */
    List<ShipmentLine> shipped(Connection c, String orderId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                SELECT l.sku, s.warehouse, l.quantity FROM shipment s JOIN shipment_line l USING (shipment_id)
                WHERE s.order_id = ? AND s.status IN ('SHIPPED', 'DELIVERED')""")) {
            select.setString(1, orderId);
            List<ShipmentLine> lines = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    lines.add(new ShipmentLine(row.getString(1), row.getString(2), row.getInt(3)));
                }
            }
            return lines;
        }
    }

    private static void setStatus(Connection c, Receipt receipt, ReturnReceiptStatus next, Instant now)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE return_receipt SET status = ?, updated_at = ? WHERE return_id = ?")) {
            update.setString(1, receipt.status().moveTo(next).name());
            update.setTimestamp(2, Timestamp.from(now));
            update.setString(3, receipt.returnId());
            update.executeUpdate();
        }
    }
}
