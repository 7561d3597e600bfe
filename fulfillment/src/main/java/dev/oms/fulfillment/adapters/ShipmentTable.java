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
import java.util.Optional;

/** The shipment and shipment_line tables. A shipment due to move on carries its due time in next_transition_at. */
public final class ShipmentTable {
    private static final String COLUMNS = "shipment_id, order_id, warehouse, status";
    /** First key of this service's advisory locks, so they never meet another schema's in a shared database. */
    private static final int ADVISORY_LOCK_SPACE = "oms.fulfillment".hashCode();

    /** The order's shipments by warehouse, their rows locked until the transaction ends. */
    public List<Shipment> findByOrderForUpdate(Connection c, String orderId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM shipment WHERE order_id = ? ORDER BY warehouse, shipment_id FOR UPDATE")) {
            select.setString(1, orderId);
            return read(select);
        }
    }

    /** Up to {@code limit} shipments due by {@code now}, locked; rows another instance holds are skipped. */
    public List<Shipment> lockDue(Connection c, Instant now, int limit) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM shipment"
                + " WHERE next_transition_at <= ? AND held_reason IS NULL ORDER BY next_transition_at LIMIT ?"
                + " FOR UPDATE SKIP LOCKED")) {
            select.setTimestamp(1, Timestamp.from(now));
            select.setInt(2, limit);
            return read(select);
        }
    }

    /** The order's shipments by warehouse, cancelled and split-off ones included; not locked. */
    public List<Shipment> findByOrder(Connection c, String orderId) throws SQLException {
        return read(c, orderId);
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

    /** One shipment, its row locked; with why it is held (null: not held). */
    public Optional<Held> lockOne(Connection c, String shipmentId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT " + COLUMNS + ", held_reason FROM shipment WHERE shipment_id = ? FOR UPDATE")) {
            select.setString(1, shipmentId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Held(shipment(row), row.getString("held_reason"))) : Optional.empty();
            }
        }
    }

    /** A shipment and why it is held, if it is. */
    public record Held(Shipment shipment, String reason) {}

    /** Holds the shipment (it stops moving on by itself) or, with a null reason, releases it to move on at {@code due}. */
    public void hold(Connection c, String shipmentId, String reason, Instant now, Instant due) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE shipment SET held_reason = ?, next_transition_at = ?, updated_at = ? WHERE shipment_id = ?")) {
            update.setString(1, reason);
            update.setTimestamp(2, due == null ? null : Timestamp.from(due));
            update.setTimestamp(3, Timestamp.from(now));
            update.setString(4, shipmentId);
            update.executeUpdate();
        }
    }

    public List<ShipmentLine> lines(Connection c, Shipment shipment) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT sku, quantity FROM shipment_line WHERE shipment_id = ? ORDER BY sku")) {
            select.setString(1, shipment.shipmentId());
            List<ShipmentLine> lines = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    lines.add(new ShipmentLine(row.getString(1), shipment.warehouse(), row.getInt(2)));
                }
            }
            return lines;
        }
    }

    /** Inserts {@code shipment} to go where {@code sibling}, a shipment of the same order, goes. */
    public void insertBeside(Connection c, Shipment shipment, List<ShipmentLine> lines, String sibling, Instant now,
                             Instant due) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO shipment (shipment_id, order_id, warehouse, status, ship_to_name, ship_to_line1, ship_to_city,
                                      ship_to_postal_code, ship_to_country, next_transition_at, created_at, updated_at)
                SELECT ?, ?, ?, ?, ship_to_name, ship_to_line1, ship_to_city, ship_to_postal_code, ship_to_country, ?, ?, ?
                FROM shipment WHERE shipment_id = ? AND order_id = ?""")) {
            insert.setString(1, shipment.shipmentId());
            insert.setString(2, shipment.orderId());
            insert.setString(3, shipment.warehouse());
            insert.setString(4, shipment.status().name());
            insert.setTimestamp(5, due == null ? null : Timestamp.from(due));
            insert.setTimestamp(6, Timestamp.from(now));
            insert.setTimestamp(7, Timestamp.from(now));
            insert.setString(8, sibling);
            insert.setString(9, shipment.orderId());
            if (insert.executeUpdate() != 1) {
                throw new IllegalStateException("no shipment " + sibling + " of order " + shipment.orderId());
            }
        }
        insertLines(c, shipment.shipmentId(), lines);
    }

    /** The shipment carries {@code lines} from now on, and nothing else. */
    public void replaceLines(Connection c, String shipmentId, List<ShipmentLine> lines, Instant now)
            throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM shipment_line WHERE shipment_id = ?");
             PreparedStatement touch = c.prepareStatement("UPDATE shipment SET updated_at = ? WHERE shipment_id = ?")) {
            delete.setString(1, shipmentId);
            delete.executeUpdate();
            touch.setTimestamp(1, Timestamp.from(now));
            touch.setString(2, shipmentId);
            touch.executeUpdate();
        }
        insertLines(c, shipmentId, lines);
    }

    /**
     * Splits {@code part} off {@code original}: a new shipment (same order, warehouse and address) with those units,
     * which the original no longer carries.
     */
    public void split(Connection c, Shipment original, Shipment part, List<ShipmentLine> units, Instant now)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO shipment (shipment_id, order_id, warehouse, status, ship_to_name, ship_to_line1, ship_to_city,
                                      ship_to_postal_code, ship_to_country, next_transition_at, created_at, updated_at,
                                      split_from)
                SELECT ?, order_id, warehouse, ?, ship_to_name, ship_to_line1, ship_to_city, ship_to_postal_code,
                       ship_to_country, NULL, ?, ?, shipment_id
                FROM shipment WHERE shipment_id = ?""")) {
            insert.setString(1, part.shipmentId());
            insert.setString(2, part.status().name());
            insert.setTimestamp(3, Timestamp.from(now));
            insert.setTimestamp(4, Timestamp.from(now));
            insert.setString(5, original.shipmentId());
            insert.executeUpdate();
        }
        insertLines(c, part.shipmentId(), units);
        try (PreparedStatement reduce = c.prepareStatement(
                "UPDATE shipment_line SET quantity = quantity - ? WHERE shipment_id = ? AND sku = ?");
             PreparedStatement empty = c.prepareStatement(
                     "DELETE FROM shipment_line WHERE shipment_id = ? AND quantity = 0")) {
            for (ShipmentLine unit : units) {
                reduce.setInt(1, unit.quantity());
                reduce.setString(2, original.shipmentId());
                reduce.setString(3, unit.sku());
                reduce.addBatch();
            }
            reduce.executeBatch();
            empty.setString(1, original.shipmentId());
            empty.executeUpdate();
        }
    }

    /** Cancels the shipment as part of {@code operation}, which a repeat finds it by. */
    public void cancel(Connection c, Shipment cancelled, String operation, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE shipment SET status = ?, cancel_operation = ?, held_reason = NULL, next_transition_at = NULL,
                                    updated_at = ?
                WHERE shipment_id = ?""")) {
            update.setString(1, cancelled.status().name());
            update.setString(2, operation);
            update.setTimestamp(3, Timestamp.from(now));
            update.setString(4, cancelled.shipmentId());
            update.executeUpdate();
        }
    }

    /** The order's shipments the operation cancelled. */
    public List<Shipment> cancelledBy(Connection c, String orderId, String operation) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS
                + " FROM shipment WHERE order_id = ? AND cancel_operation = ? ORDER BY warehouse, shipment_id")) {
            select.setString(1, orderId);
            select.setString(2, operation);
            return read(select);
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
                "SELECT " + COLUMNS + " FROM shipment WHERE order_id = ? ORDER BY warehouse, shipment_id")) {
            select.setString(1, orderId);
            return read(select);
        }
    }

    private static List<Shipment> read(PreparedStatement select) throws SQLException {
        List<Shipment> shipments = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
            while (row.next()) {
                shipments.add(shipment(row));
            }
        }
        return shipments;
    }

    private static Shipment shipment(ResultSet row) throws SQLException {
        return new Shipment(row.getString("shipment_id"), row.getString("order_id"), row.getString("warehouse"),
                ShipmentStatus.valueOf(row.getString("status")));
    }
}
