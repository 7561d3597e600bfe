package dev.oms.fulfillment.api;

import java.util.List;

/** A return as the warehouse received it (status RECEIVED, units per warehouse), or why not (then error is set). */
public record ReturnReceipt(String returnId, String orderId, String status, List<Units> units, FulfillmentError error) {

    /** Units of one sku received back into one warehouse. */
    public record Units(String sku, String warehouse, int restockable, int damaged) {}

    public static ReturnReceipt refused(String returnId, String code, String field, String message) {
        return new ReturnReceipt(returnId, null, null, List.of(), new FulfillmentError(code, field, message));
    }
}
