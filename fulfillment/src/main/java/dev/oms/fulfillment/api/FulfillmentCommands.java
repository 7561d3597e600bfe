package dev.oms.fulfillment.api;

import dev.oms.contracts.Idempotent;
import java.util.List;

/** What operators ask of the warehouse directly: receive returns, hold and release shipments, ship what is there. */
public interface FulfillmentCommands {

    /**
     * Receives the parcel of an expected return: per sku how many units are restockable and how many damaged. The
     * return goes on (restock, refund). Receiving a return again with the same units answers the same receipt.
     */
    @Idempotent
    ReturnReceipt receiveReturn(String returnId, List<ReceivedUnits> units);

    /** Holds a shipment that has not left: it goes no further until released (and cannot be shipped meanwhile). */
    @Idempotent
    ShipmentAction holdShipment(String shipmentId, String reason);

    @Idempotent
    ShipmentAction releaseShipment(String shipmentId);

    /**
     * Ships now what is there: the whole shipment (no units given), or some of its units, which leave as a shipment of
     * their own while the rest stays (the order is then partly shipped).
     */
    ShipmentAction shipShipment(String shipmentId, List<ShipmentUnits> units);
}
