package dev.oms.order.domain;

/** An order asked to move where its state machine does not allow. */
public class IllegalOrderTransitionException extends RuntimeException {
    public IllegalOrderTransitionException(OrderStatus from, OrderStatus to) {
        super("an order cannot go from " + from + " to " + to);
    }
}
