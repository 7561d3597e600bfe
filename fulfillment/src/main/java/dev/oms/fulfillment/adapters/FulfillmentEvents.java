package dev.oms.fulfillment.adapters;

import dev.oms.contracts.fulfillment.v1.ShipmentCreated;
import dev.oms.contracts.fulfillment.v1.ShipmentRevised;
import dev.oms.contracts.fulfillment.v1.ShipmentStatusChanged;
import dev.oms.fulfillment.domain.Shipment;
import java.util.List;

/** Builds the fulfillment events from shipments. */
final class FulfillmentEvents {
    private FulfillmentEvents() {}

    static ShipmentCreated created(String orderId, List<Shipment> shipments) {
        ShipmentCreated.Builder event = ShipmentCreated.newBuilder().setOrderId(orderId);
        shipments.forEach(s -> event.addShipments(contract(s)));
        return event.build();
    }

    static ShipmentRevised revised(String orderId, String operationId, List<Shipment> shipments) {
        ShipmentRevised.Builder event = ShipmentRevised.newBuilder().setOrderId(orderId).setOperationId(operationId);
        shipments.forEach(s -> event.addShipments(contract(s)));
        return event.build();
    }

    static ShipmentStatusChanged statusChanged(Shipment shipment, boolean allShipments) {
        return ShipmentStatusChanged.newBuilder()
                .setOrderId(shipment.orderId())
                .setShipment(contract(shipment))
                .setAllShipments(allShipments)
                .build();
    }

    private static dev.oms.contracts.fulfillment.v1.Shipment contract(Shipment shipment) {
        return dev.oms.contracts.fulfillment.v1.Shipment.newBuilder()
                .setShipmentId(shipment.shipmentId())
                .setWarehouse(shipment.warehouse())
                .setStatus(shipment.status().name())
                .build();
    }
}
