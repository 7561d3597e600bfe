package dev.oms.fulfillment.domain;

/** One parcel of an order, leaving from one warehouse. Its transitions return the shipment in its new status. */
public record Shipment(String shipmentId, String orderId, String warehouse, ShipmentStatus status) {

    public static Shipment created(String shipmentId, String orderId, String warehouse) {
        return new Shipment(shipmentId, orderId, warehouse, ShipmentStatus.CREATED);
    }

    public Shipment advance() {
        return new Shipment(shipmentId, orderId, warehouse, status.forward());
    }

    public Shipment cancel() {
        return new Shipment(shipmentId, orderId, warehouse, status.moveTo(ShipmentStatus.CANCELLED));
    }
}
