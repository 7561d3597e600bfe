package dev.oms.inventory.domain;

/**
 * An expired reservation was to be committed, and the units it held have been sold since: the order cannot be
 * served from the warehouses chosen for it. An operator decides (restock, re-allocate, or cancel the order).
 */
public class ReservationLostException extends IllegalStateException {
    private final String orderId;

    public ReservationLostException(String orderId, Allocation line, long available) {
        super("reservation of order " + orderId + " expired and its units are gone: " + line.quantity() + " of "
                + line.sku() + " needed in " + line.warehouse() + ", " + available + " available");
        this.orderId = orderId;
    }

    public String orderId() {
        return orderId;
    }
}
