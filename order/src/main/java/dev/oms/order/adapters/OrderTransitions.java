package dev.oms.order.adapters;

import dev.oms.contracts.order.v1.OrderStatusChanged;
import dev.oms.messaging.TransactionContext;
import dev.oms.order.domain.Order;
import dev.oms.order.domain.StatusChange;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;

/** Loads an order under lock, lets the {@link Order} decide, stores the change and publishes OrderStatusChanged. */
public final class OrderTransitions {
    private final OrderRepository orders;

    public OrderTransitions(OrderRepository orders) {
        this.orders = orders;
    }

    /** Applies what happened to the order; returns whether its status changed. */
    public boolean apply(TransactionContext tx, String orderId, Function<Order, Optional<StatusChange>> happened)
            throws SQLException {
        Optional<StatusChange> change = orders.lockStatus(tx.connection(), orderId)
                .flatMap(status -> happened.apply(new Order(orderId, status)));
        if (change.isEmpty()) {
            return false;
        }
        StatusChange moved = change.get();
        orders.updateStatus(tx.connection(), orderId, moved.to(), tx.now());
        tx.publish(orderId, OrderStatusChanged.newBuilder()
                .setOrderId(orderId)
                .setStatus(moved.to().name())
                .setPreviousStatus(moved.from().name())
                .setReason(moved.reason())
                .build());
        return true;
    }
}
