package dev.oms.cart.domain;

/** A cart is open until checkout freezes it. */
public enum CartStatus {
    OPEN,
    CHECKED_OUT;

    public boolean canBecome(CartStatus next) {
        return this == OPEN && next == CHECKED_OUT;
    }
}
