package dev.oms.order.cancelrest;

import dev.oms.contracts.common.v1.Money;
import dev.oms.contracts.order.v1.CancelRestSagaData;
import dev.oms.contracts.order.v1.CancelledLine;
import dev.oms.messaging.TransactionContext;
import dev.oms.order.adapters.OrderTransitions;
import dev.oms.order.domain.Order;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The order's side of a cancelled rest: the prices paid for the cancelled units, and the order once it is done. */
public final class CancelledRest {
    private final OrderTransitions orders;

    public CancelledRest(OrderTransitions orders) {
        this.orders = orders;
    }

    /** The cancelled units with the unit price paid for them. */
    CancelRestSagaData priced(TransactionContext tx, CancelRestSagaData data) throws SQLException {
        Map<String, Long> prices = new HashMap<>();
        String currency;
        try (PreparedStatement select = tx.connection().prepareStatement("""
                SELECT l.sku, l.unit_price, o.currency FROM order_line l JOIN orders o USING (order_id)
                WHERE l.order_id = ?""")) {
            select.setObject(1, UUID.fromString(data.getOrderId()));
            currency = null;
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    prices.put(row.getString(1), row.getLong(2));
                    currency = row.getString(3);
                }
            }
        }
        CancelRestSagaData.Builder priced = data.toBuilder().clearCancelled();
        for (CancelledLine line : data.getCancelledList()) {
            priced.addCancelled(line.toBuilder().setUnitPrice(Money.newBuilder()
                    .setAmount(prices.getOrDefault(line.getSku(), 0L)).setCurrency(currency)));
        }
        return priced.build();
    }

    /** Records the cancelled units on their lines and moves the order on with what did leave. */
    void done(TransactionContext tx, CancelRestSagaData data) throws SQLException {
        Map<String, Integer> units = new HashMap<>();
        data.getCancelledList().forEach(line -> units.merge(line.getSku(), line.getQuantity(), Integer::sum));
        try (PreparedStatement update = tx.connection().prepareStatement("""
                UPDATE order_line SET cancelled_quantity = ? WHERE order_id = ? AND sku = ?""")) {
            for (Map.Entry<String, Integer> line : units.entrySet()) {
                update.setInt(1, line.getValue());
                update.setObject(2, UUID.fromString(data.getOrderId()));
                update.setString(3, line.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
        orders.apply(tx, data.getOrderId(), Order::ship);
        if (data.getRemainingStatus().equals("DELIVERED")) {
            orders.apply(tx, data.getOrderId(), Order::deliver);
        }
    }
}
