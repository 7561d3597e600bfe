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

    /** What cancelling the order would do now (a dry run: nothing changes): the steps, the refund, the stock. */
    ActionPlan previewCancel(String orderId);

    /** What returning these units would do now (a dry run): the steps, the refund if all arrive, the stock. */
    ActionPlan previewReturn(String orderId, java.util.List<ReturnLineRequest> lines, String reason);

    /**
     * Asks to return units of a delivered order within the return window, for one of the shop's reasons: the
     * warehouse then expects the parcel; once received, restockable units go back on sale and every unit received is
     * refunded at the price paid. Repeating the call with the same idempotency key answers the same return.
     */
    @Idempotent
    ReturnResult requestReturn(String orderId, java.util.List<ReturnLineRequest> lines, String reason,
                               String idempotencyKey);

    /**
     * Withdraws a return whose parcel the warehouse has not received yet; refused once it has. With a customer id, only
     * that customer's return: another's is answered as an unknown one (operators pass null).
     */
    @Idempotent
    ReturnResult withdrawReturn(String returnId, String customerId);

    /**
     * Edits an order before it ships: each line named gets its quantity (0 removes it; a sku not in the order is added at
     * its catalog price). A ReviseOrder saga then moves the stock, authorizes a higher total or refunds a lower one, and
     * revises the shipments; if a parcel leaves first, everything is undone and the edit FAILED. With a customer id,
     * only that customer's order (another's is answered as unknown; operators pass null). Repeating the call with the
     * same idempotency key answers how that edit stands.
     */
    @Idempotent
    EditResult editOrder(String orderId, java.util.List<EditLineRequest> lines, String customerId, String idempotencyKey);

    /** What this edit would do now (a dry run): the new total, the charge or refund, the stock, the steps. */
    ActionPlan previewEdit(String orderId, java.util.List<EditLineRequest> lines);
}
