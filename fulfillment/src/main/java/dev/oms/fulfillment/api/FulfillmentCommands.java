package dev.oms.fulfillment.api;

import dev.oms.contracts.Idempotent;
import java.util.List;

/** What operators ask of the warehouse directly. */
public interface FulfillmentCommands {

    /**
     * Receives the parcel of an expected return: per sku how many units are restockable and how many damaged. The
     * return goes on (restock, refund). Receiving a return again with the same units answers the same receipt.
     */
    @Idempotent
    ReturnReceipt receiveReturn(String returnId, List<ReceivedUnits> units);
}
