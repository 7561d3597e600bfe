package dev.oms.order.api;

/** Where an accepted cancellation stands. */
public enum CancelProgress {
    /** Being carried out: the order becomes CANCELLED. */
    STARTED,
    /**
     * The shipment had been requested when the cancellation came: it is recorded and carried out as soon as the
     * warehouse answers. The order becomes CANCELLED, unless the parcel had left by then (then the cancellation is
     * refused, and asking again says ORDER_ALREADY_SHIPPED).
     */
    WAITING_FOR_WAREHOUSE,
    /** The order is cancelled. */
    DONE
}
