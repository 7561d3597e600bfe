package dev.oms.fulfillment.api;

/**
 * A shipment after an operator's action: its status, whether it is held, and the shipment that left when only some
 * of its units shipped (else null); or why the action was refused (then error is set).
 */
public record ShipmentAction(String shipmentId, String orderId, String status, boolean held, String shippedShipmentId,
                             FulfillmentError error) {

    public static ShipmentAction refused(String shipmentId, String code, String field, String message) {
        return new ShipmentAction(shipmentId, null, null, false, null, new FulfillmentError(code, field, message));
    }
}
