package dev.oms.order.adapters;

import dev.oms.order.domain.OrderStatus;
import dev.oms.order.domain.ReturnRequest;
import dev.oms.order.domain.ReturnStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Returns of orders (order_return, its lines and the units received) in the order schema. */
public final class ReturnTable {

    /** A return as stored, with its order's customer. */
    public record StoredReturn(String returnId, String orderId, String customerId, ReturnStatus status, String reason,
                               String sagaId, String currency, Long refundAmount, List<StoredLine> lines,
                               List<Unit> units) {
        public Map<String, Long> unitPrices() {
            Map<String, Long> prices = new HashMap<>();
            lines.forEach(line -> prices.put(line.sku(), line.unitPrice()));
            return prices;
        }
    }

    public record StoredLine(String sku, int quantity, long unitPrice, int restockable, int damaged) {}

    /** Units of one sku received back into one warehouse. */
    public record Unit(String sku, String warehouse, int restockable, int damaged) {}

    /** The order as a return request sees it. */
    public record ReturnableOrder(OrderStatus status, Instant statusAt, String currency,
                                  Map<String, ReturnRequest.Bought> bought, Map<String, Integer> alreadyReturned) {}

    /** The order, its row locked (returns of one order are decided one at a time), with what earlier returns hold. */
    public Optional<ReturnableOrder> lockReturnable(Connection c, String orderId) throws SQLException {
        return returnable(c, orderId, " FOR UPDATE");
    }

    /** As {@link #lockReturnable}, without the lock: for a dry run. */
    public Optional<ReturnableOrder> returnable(Connection c, String orderId) throws SQLException {
        return returnable(c, orderId, "");
    }

    private Optional<ReturnableOrder> returnable(Connection c, String orderId, String lock) throws SQLException {
        OrderStatus status;
        Instant statusAt;
        String currency;
        try (PreparedStatement select = c.prepareStatement(
                "SELECT status, updated_at, currency FROM orders WHERE order_id = ?" + lock)) {
            select.setObject(1, UUID.fromString(orderId));
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                status = OrderStatus.valueOf(row.getString(1));
                statusAt = row.getTimestamp(2).toInstant();
                currency = row.getString(3);
            }
        }
        Map<String, ReturnRequest.Bought> bought = new LinkedHashMap<>();
        new OrderRepository().lines(c, orderId).orElseThrow().lines().forEach((sku, line) ->
                bought.put(sku, new ReturnRequest.Bought(line.quantity() - line.cancelled(), line.unitPrice())));
        Map<String, Integer> returned = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("""
                SELECT l.sku, sum(l.quantity) FROM order_return r JOIN order_return_line l USING (return_id)
                WHERE r.order_id = ? AND r.status <> 'CANCELLED' GROUP BY l.sku""")) {
            select.setObject(1, UUID.fromString(orderId));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    returned.put(row.getString(1), row.getInt(2));
                }
            }
        }
        return Optional.of(new ReturnableOrder(status, statusAt, currency, bought, returned));
    }

    public void insert(Connection c, String returnId, String orderId, String reason, String key, String currency,
                       List<ReturnRequest.Accepted> lines, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO order_return (return_id, order_id, status, reason, idempotency_key, currency, requested_at,
                                          updated_at)
                VALUES (?, ?, 'REQUESTED', ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, UUID.fromString(returnId));
            insert.setObject(2, UUID.fromString(orderId));
            insert.setString(3, reason);
            insert.setString(4, key);
            insert.setString(5, currency);
            insert.setTimestamp(6, Timestamp.from(now));
            insert.setTimestamp(7, Timestamp.from(now));
            insert.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO order_return_line (return_id, sku, quantity, unit_price) VALUES (?, ?, ?, ?)")) {
            for (ReturnRequest.Accepted line : lines) {
                insert.setObject(1, UUID.fromString(returnId));
                insert.setString(2, line.sku());
                insert.setInt(3, line.quantity());
                insert.setLong(4, line.unitPrice());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    public void attachSaga(Connection c, String returnId, String sagaId) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE order_return SET saga_id = ? WHERE return_id = ?")) {
            update.setString(1, sagaId);
            update.setObject(2, UUID.fromString(returnId));
            update.executeUpdate();
        }
    }

    /** The return's id under this idempotency key, if one was requested with it. */
    public Optional<String> byKey(Connection c, String key) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT return_id FROM order_return WHERE idempotency_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    /** The return, its row locked until the transaction ends. */
    public Optional<StoredReturn> lock(Connection c, String returnId) throws SQLException {
        UUID id = UUID.fromString(returnId);
        StoredReturn head;
        try (PreparedStatement select = c.prepareStatement("""
                SELECT r.order_id, o.customer_id, r.status, r.reason, r.saga_id, r.currency, r.refund_amount
                FROM order_return r JOIN orders o USING (order_id) WHERE r.return_id = ? FOR UPDATE OF r""")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                head = new StoredReturn(returnId, row.getString(1), row.getString(2),
                        ReturnStatus.valueOf(row.getString(3)), row.getString(4), row.getString(5), row.getString(6),
                        row.getObject(7, Long.class), List.of(), List.of());
            }
        }
        List<StoredLine> lines = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("""
                SELECT sku, quantity, unit_price, restockable, damaged FROM order_return_line WHERE return_id = ?
                ORDER BY sku""")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    lines.add(new StoredLine(row.getString(1), row.getInt(2), row.getLong(3), row.getInt(4), row.getInt(5)));
                }
            }
        }
        List<Unit> units = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("""
                SELECT sku, warehouse, restockable, damaged FROM order_return_unit WHERE return_id = ?
                ORDER BY sku, warehouse""")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    units.add(new Unit(row.getString(1), row.getString(2), row.getInt(3), row.getInt(4)));
                }
            }
        }
        return Optional.of(new StoredReturn(head.returnId(), head.orderId(), head.customerId(), head.status(),
                head.reason(), head.sagaId(), head.currency(), head.refundAmount(), lines, units));
    }

    /** Records what the warehouse received: the units per warehouse, and per line how many were restockable or damaged. */
    public void received(Connection c, String returnId, List<Unit> units, Instant now) throws SQLException {
        UUID id = UUID.fromString(returnId);
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO order_return_unit (return_id, sku, warehouse, restockable, damaged) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""")) {
            for (Unit unit : units) {
                insert.setObject(1, id);
                insert.setString(2, unit.sku());
                insert.setString(3, unit.warehouse());
                insert.setInt(4, unit.restockable());
                insert.setInt(5, unit.damaged());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE order_return_line l SET restockable = u.restockable, damaged = u.damaged
                FROM (SELECT sku, sum(restockable) AS restockable, sum(damaged) AS damaged FROM order_return_unit
                      WHERE return_id = ? GROUP BY sku) u
                WHERE l.return_id = ? AND l.sku = u.sku""")) {
            update.setObject(1, id);
            update.setObject(2, id);
            update.executeUpdate();
        }
        setStatus(c, returnId, ReturnStatus.RECEIVED, null, null, now);
    }

    public void setStatus(Connection c, String returnId, ReturnStatus status, Long refundAmount, String note,
                          Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                UPDATE order_return SET status = ?, refund_amount = coalesce(?, refund_amount),
                       note = coalesce(?, note), updated_at = ?
                WHERE return_id = ?""")) {
            update.setString(1, status.name());
            update.setObject(2, refundAmount);
            update.setString(3, note);
            update.setTimestamp(4, Timestamp.from(now));
            update.setObject(5, UUID.fromString(returnId));
            update.executeUpdate();
        }
    }
}
