package dev.oms.inventory.domain;

/**
 * Units an order held are to be taken for it again, and they have been sold since: an expired reservation to be
 * committed, or the units an order edit put back when the edit is undone. The order cannot be served from the
 * warehouses chosen for it. An operator decides (restock, re-allocate, or cancel the order).
 */
public class ReservationLostException extends IllegalStateException {
    private final String orderId;

    public ReservationLostException(String orderId, Allocation line, long available) {
        super("reservation of order " + orderId + " expired and its units are gone: " + line.quantity() + " of "
                + line.sku() + " needed in " + line.warehouse() + ", " + available + " available");
        this.orderId = orderId;
    }

    private ReservationLostException(String orderId, String message) {
        super(message);
        this.orderId = orderId;
    }

    /** Undoing an order edit must take back units the edit put back on hand, and fewer are available. */
    public static ReservationLostException undoingEdit(String orderId, String operationId, StockMove retake,
                                                       long available) {
        return new ReservationLostException(orderId, "undoing edit " + operationId + " of order " + orderId
                + " takes back the units it put back, and they are gone: " + retake.quantity() + " of " + retake.sku()
                + " needed in " + retake.warehouse() + ", " + available + " available");
    }

    public String orderId() {
        return orderId;
    }
}
