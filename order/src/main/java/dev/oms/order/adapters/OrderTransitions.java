package dev.oms.order.adapters;

import dev.oms.contracts.order.v1.OrderStatusChanged;
import dev.oms.messaging.TransactionContext;
import dev.oms.order.domain.OrderStatus;
import java.sql.SQLException;
import java.util.Optional;

/** Moves an order through its state machine and publishes OrderStatusChanged for every transition. */
public final class OrderTransitions {
    private final OrderRepository orders;

    public OrderTransitions(OrderRepository orders) {
        this.orders = orders;
    }

    /** Moves the order if its state machine allows it; returns whether it moved. */
    public boolean moveIfAllowed(TransactionContext tx, String orderId, OrderStatus next, String reason)
            throws SQLException {
        Optional<OrderStatus> current = orders.lockStatus(tx.connection(), orderId);
        if (current.isEmpty() || !current.get().canBecome(next)) {
            return false;
        }
        orders.updateStatus(tx.connection(), orderId, next, tx.now());
        tx.publish(orderId, OrderStatusChanged.newBuilder()
                .setOrderId(orderId)
                .setStatus(next.name())
                .setPreviousStatus(current.get().name())
                .setReason(reason == null ? "" : reason)
                .build());
        return true;
    }
}
