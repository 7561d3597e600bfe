package dev.oms.order.cancelrest;

import dev.oms.contracts.common.v1.Money;
import dev.oms.contracts.order.v1.CancelRestSagaData;
import dev.oms.contracts.order.v1.CancelledLine;
import dev.oms.messaging.TransactionContext;
import dev.oms.order.adapters.OrderRepository;
import dev.oms.order.adapters.OrderRepository.OrderLines;
import dev.oms.order.adapters.OrderTransitions;
import dev.oms.order.domain.Order;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The order's side of a cancelled rest: the prices paid for the cancelled units, and the order once it is done. */
public final class CancelledRest {
    private final OrderRepository lines;
    private final OrderTransitions orders;

    public CancelledRest(OrderRepository lines, OrderTransitions orders) {
        this.lines = lines;
        this.orders = orders;
    }

    /** The cancelled units with the unit price paid for them. */
    CancelRestSagaData priced(TransactionContext tx, CancelRestSagaData data) throws SQLException {
        OrderLines order = lines.lines(tx.connection(), data.getOrderId()).orElseThrow();
        CancelRestSagaData.Builder priced = data.toBuilder().clearCancelled();
        for (CancelledLine line : data.getCancelledList()) {
            OrderRepository.Line paid = order.lines().get(line.getSku());
            priced.addCancelled(line.toBuilder().setUnitPrice(Money.newBuilder()
                    .setAmount(paid == null ? 0 : paid.unitPrice()).setCurrency(order.currency())));
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
