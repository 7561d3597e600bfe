package dev.oms.fulfillment.adapters;

import dev.oms.fulfillment.domain.Shipment;
import dev.oms.fulfillment.domain.ShipmentLine;
import dev.oms.fulfillment.domain.ShipmentStatus;
import dev.oms.fulfillment.domain.ShippingAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The shipment and shipment_line tables. A shipment due to move on carries its due time in next_transition_at. */
public final class ShipmentTable {
    private static final String COLUMNS = "shipment_id, order_id, warehouse, status";
    /** First key of this service's advisory locks, so they never meet another schema's in a shared database. */
    private static final int ADVISORY_LOCK_SPACE = "oms.fulfillment".hashCode();

    /** The order's shipments by warehouse, their rows locked until the transaction ends. */
    public List<Shipment> findByOrderForUpdate(Connection c, String orderId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM shipment WHERE order_id = ? ORDER BY warehouse FOR UPDATE")) {
            select.setString(1, orderId);
            return read(select);
        }
    }

    /** Up to {@code limit} shipments due by {@code now}, locked; rows another instance holds are skipped. */
    public List<Shipment> lockDue(Connection c, Instant now, int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM shipment"
                + " WHERE next_transition_at <= ? ORDER BY next_transition_at LIMIT ? FOR UPDATE SKIP LOCKED")) {
            select.setTimestamp(1, Timestamp.from(now));
            select.setInt(2, limit);
            return read(select);
        }
    }

    public List<ShipmentStatus> statusesOf(Connection c, String orderId) throws SQLException {
        return read(c, orderId).stream().map(Shipment::status).toList();
    }

    /** Serializes the progress of one order's shipments between instances of this service, until the commit. */
    public void lockOrderProgress(Connection c, String orderId) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
            lock.setInt(1, ADVISORY_LOCK_SPACE);
            lock.setString(2, orderId);
            lock.execute();
        }
    }

    public void insert(Connection c, Shipment shipment, List<ShipmentLine> lines, ShippingAddress to, Instant now,
                       Instant due) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO shipment (shipment_id, order_id, warehouse, status, ship_to_name, ship_to_line1, ship_to_city,
                                      ship_to_postal_code, ship_to_country, next_transition_at, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setString(1, shipment.shipmentId());
            insert.setString(2, shipment.orderId());
            insert.setString(3, shipment.warehouse());
            insert.setString(4, shipment.status().name());
            insert.setString(5, to.name());
            insert.setString(6, to.line1());
            insert.setString(7, to.city());
            insert.setString(8, to.postalCode());
            insert.setString(9, to.country());
            insert.setTimestamp(10, due == null ? null : Timestamp.from(due));
            insert.setTimestamp(11, Timestamp.from(now));
            insert.setTimestamp(12, Timestamp.from(now));
            insert.executeUpdate();
        }
        insertLines(c, shipment.shipmentId(), lines);
    }

    /** Records the shipment's status and when it is next due to move on (null: never by itself). */
    public void update(Connection c, Shipment shipment, Instant now, Instant due) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE shipment SET status = ?, next_transition_at = ?, updated_at = ? WHERE shipment_id = ?")) {
            update.setString(1, shipment.status().name());
            update.setTimestamp(2, due == null ? null : Timestamp.from(due));
            update.setTimestamp(3, Timestamp.from(now));
            update.setString(4, shipment.shipmentId());
            update.executeUpdate();
        }
    }

    private static void insertLines(Connection c, String shipmentId, List<ShipmentLine> lines) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO shipment_line (shipment_id, sku, quantity) VALUES (?, ?, ?)")) {
            for (ShipmentLine line : lines) {
                insert.setString(1, shipmentId);
                insert.setString(2, line.sku());
                insert.setInt(3, line.quantity());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static List<Shipment> read(Connection c, String orderId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM shipment WHERE order_id = ? ORDER BY warehouse")) {
            select.setString(1, orderId);
            return read(select);
        }
    }

    private static List<Shipment> read(PreparedStatement select) throws SQLException {
        List<Shipment> shipments = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                shipments.add(new Shipment(row.getString("shipment_id"), row.getString("order_id"),
                        row.getString("warehouse"), ShipmentStatus.valueOf(row.getString("status"))));
            }
        }
        return shipments;
    }
}
