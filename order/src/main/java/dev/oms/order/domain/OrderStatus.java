package dev.oms.order.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The order state machine; its allowed transitions live here and nowhere else. */
public enum OrderStatus {
    PENDING,
    CONFIRMED,
    FULFILLING,
    /** Some parcels have left, others not yet (or held); its unshipped rest may still be cancelled. */
    PARTIALLY_SHIPPED,
    SHIPPED,
    DELIVERED,
    CANCELLED,
    REJECTED;

    private static final Map<OrderStatus, Set<OrderStatus>> NEXT = Map.of(
            PENDING, EnumSet.of(CONFIRMED, CANCELLED, REJECTED),
            CONFIRMED, EnumSet.of(FULFILLING, CANCELLED),
            FULFILLING, EnumSet.of(PARTIALLY_SHIPPED, SHIPPED, CANCELLED),
            PARTIALLY_SHIPPED, EnumSet.of(SHIPPED, DELIVERED),
            SHIPPED, EnumSet.of(DELIVERED),
            DELIVERED, EnumSet.noneOf(OrderStatus.class),
            CANCELLED, EnumSet.noneOf(OrderStatus.class),
            REJECTED, EnumSet.noneOf(OrderStatus.class));

    public boolean canBecome(OrderStatus next) {
        return NEXT.get(this).contains(next);
    }

    public boolean isTerminal() {
        return NEXT.get(this).isEmpty();
    }

    /** Checks the transition; an illegal one is an {@link IllegalOrderTransitionException}. */
    public OrderStatus moveTo(OrderStatus next) {
        if (!canBecome(next)) {
            throw new IllegalOrderTransitionException(this, next);
        }
        return next;
    }
}
