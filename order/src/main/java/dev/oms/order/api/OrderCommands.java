package dev.oms.order.api;

import dev.oms.contracts.Idempotent;

/** What customers can ask of the order service directly. */
public interface OrderCommands {

    /**
     * Starts the cancellation of an order that has not shipped yet: the shipment is cancelled, the payment
     * voided or refunded and the stock released, then the order is CANCELLED. Repeating the call with the
     * same idempotency key returns the same answer and starts nothing new.
     */
    @Idempotent
    CancelResult cancel(String orderId, String reason, String idempotencyKey);
}
