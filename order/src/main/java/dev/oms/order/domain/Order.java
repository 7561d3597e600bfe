package dev.oms.order.domain;

import java.util.Optional;

/**
 * An order's lifecycle. Every status change of an order happens here, is checked against {@link OrderStatus}, and
 * comes out as a {@link StatusChange} to record and publish. Each method says what happened to the order; one that
 * no longer applies (the order moved on, or is there already: messages may come late or twice) changes nothing.
 */
public final class Order {
    private final String orderId;
    private OrderStatus status;

    public Order(String orderId, OrderStatus status) {
        this.orderId = orderId;
        this.status = status;
    }

    public String orderId() {
        return orderId;
    }

    public OrderStatus status() {
        return status;
    }

    /** Stock is reserved and the payment authorized. */
    public Optional<StatusChange> confirm() {
        return status == OrderStatus.PENDING ? move(OrderStatus.CONFIRMED, "") : Optional.empty();
    }

    /** The warehouse accepted the shipment. */
    public Optional<StatusChange> startFulfilling() {
        return status == OrderStatus.CONFIRMED ? move(OrderStatus.FULFILLING, "") : Optional.empty();
    }

    /** A parcel of the order has left the warehouse, and others have not. */
    public Optional<StatusChange> partlyShip() {
        return status == OrderStatus.FULFILLING ? move(OrderStatus.PARTIALLY_SHIPPED, "") : Optional.empty();
    }

    /** Every parcel of the order still to go has left the warehouse (a cancelled rest is not to go). */
    public Optional<StatusChange> ship() {
        return status == OrderStatus.FULFILLING || status == OrderStatus.PARTIALLY_SHIPPED
                ? move(OrderStatus.SHIPPED, "") : Optional.empty();
    }

    /** Every parcel of the order has arrived. */
    public Optional<StatusChange> deliver() {
        return status == OrderStatus.SHIPPED || status == OrderStatus.PARTIALLY_SHIPPED
                ? move(OrderStatus.DELIVERED, "") : Optional.empty();
    }

    /** A placed order's cancellation is done: shipment cancelled, money back, stock released. */
    public Optional<StatusChange> cancel(String reason) {
        return status.canBecome(OrderStatus.CANCELLED) ? move(OrderStatus.CANCELLED, reason) : Optional.empty();
    }

    /**
     * Placing the order was undone. Asked for (a customer's or an operator's cancellation): CANCELLED. Refused by a
     * step (stock, payment): REJECTED while still PENDING; an order that was confirmed already is CANCELLED, since
     * it had been accepted.
     */
    public Optional<StatusChange> placementUndone(PlacementFailure why) {
        if (status.isTerminal()) {
            return Optional.empty();
        }
        boolean rejected = why instanceof PlacementFailure.Refused && status == OrderStatus.PENDING;
        return move(rejected ? OrderStatus.REJECTED : OrderStatus.CANCELLED, why.reason());
    }

    private Optional<StatusChange> move(OrderStatus next, String reason) {
        StatusChange change = new StatusChange(orderId, status, status.moveTo(next), reason);
        status = next;
        return Optional.of(change);
    }
}
