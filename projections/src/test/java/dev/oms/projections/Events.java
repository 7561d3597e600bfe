package dev.oms.projections;

import dev.oms.contracts.cart.v1.ProductListed;
import dev.oms.contracts.common.v1.Money;
import dev.oms.contracts.common.v1.OrderLine;
import dev.oms.contracts.fulfillment.v1.Shipment;
import dev.oms.contracts.fulfillment.v1.ShipmentCreated;
import dev.oms.contracts.fulfillment.v1.ShipmentRevised;
import dev.oms.contracts.fulfillment.v1.ShipmentHoldChanged;
import dev.oms.contracts.fulfillment.v1.ShipmentStatusChanged;
import dev.oms.contracts.inventory.v1.StockLevelChanged;
import dev.oms.contracts.notification.v1.NotificationSent;
import dev.oms.contracts.order.v1.OrderPlaced;
import dev.oms.contracts.order.v1.OrderStatusChanged;
import dev.oms.contracts.order.v1.SagaStep;
import dev.oms.contracts.order.v1.SagaUpdated;
import java.util.List;

/** Object mother for the events the projections fold in. */
final class Events {
    static final String SAGA_TYPE = "PlaceOrder";

    private Events() {}

    static Money eur(long cents) {
        return Money.newBuilder().setAmount(cents).setCurrency("EUR").build();
    }

    static OrderPlaced placed(String orderId, String customerId) {
        return OrderPlaced.newBuilder().setOrderId(orderId).setCustomerId(customerId)
                .addLines(OrderLine.newBuilder().setSku("SKU-1").setQuantity(2).setUnitPrice(eur(1_000)))
                .addLines(OrderLine.newBuilder().setSku("SKU-2").setQuantity(1).setUnitPrice(eur(550)))
                .setTotal(eur(2_550))
                .build();
    }

    static OrderStatusChanged status(String orderId, String previous, String status) {
        return OrderStatusChanged.newBuilder().setOrderId(orderId).setPreviousStatus(previous).setStatus(status).build();
    }

    /** A PlaceOrder saga snapshot whose first {@code done} steps have succeeded. */
    static SagaUpdated saga(String orderId, String sagaId, long version, String status, int done) {
        List<String> names = List.of("reserve-stock", "authorize-payment", "confirm-order", "create-shipment",
                "capture-payment", "notify-customer");
        List<String> kinds = List.of("COMPENSATABLE", "COMPENSATABLE", "COMPENSATABLE", "PIVOT", "RETRIABLE",
                "RETRIABLE");
        SagaUpdated.Builder saga = SagaUpdated.newBuilder().setSagaId(sagaId).setSagaType(SAGA_TYPE)
                .setOrderId(orderId).setStatus(status).setVersion(version);
        for (int i = 0; i < names.size(); i++) {
            String stepStatus = i < done ? "SUCCEEDED" : i == done ? "RUNNING" : "PENDING";
            saga.addSteps(SagaStep.newBuilder().setName(names.get(i)).setKind(kinds.get(i)).setStatus(stepStatus)
                    .setAttempts(i <= done ? 1 : 0));
        }
        return saga.build();
    }

    static Shipment shipment(String id, String warehouse, String status) {
        return Shipment.newBuilder().setShipmentId(id).setWarehouse(warehouse).setStatus(status).build();
    }

    static ShipmentCreated shipmentsCreated(String orderId, Shipment... shipments) {
        return ShipmentCreated.newBuilder().setOrderId(orderId).addAllShipments(List.of(shipments)).build();
    }

    static ShipmentRevised shipmentsRevised(String orderId, String operationId, Shipment... shipments) {
        return ShipmentRevised.newBuilder().setOrderId(orderId).setOperationId(operationId)
                .addAllShipments(List.of(shipments)).build();
    }

    static ShipmentHoldChanged hold(String orderId, String shipmentId, String reason) {
        return ShipmentHoldChanged.newBuilder().setOrderId(orderId).setShipmentId(shipmentId).setHeld(reason != null)
                .setReason(reason == null ? "" : reason).build();
    }

    static ShipmentStatusChanged shipmentStatus(String orderId, Shipment shipment) {
        return ShipmentStatusChanged.newBuilder().setOrderId(orderId).setShipment(shipment).build();
    }

    static NotificationSent notified(String orderId, String notificationId, String template) {
        return NotificationSent.newBuilder().setOrderId(orderId).setNotificationId(notificationId).setChannel("EMAIL")
                .setTemplate(template).setRecipient("ada@example.com").setDedupKey(orderId + ":" + template).build();
    }

    static ProductListed listed(String sku, String name, long cents) {
        return ProductListed.newBuilder().setSku(sku).setName(name).setPrice(eur(cents)).build();
    }

    static StockLevelChanged stock(String sku, String warehouse, long onHand, long reserved) {
        return StockLevelChanged.newBuilder().setSku(sku).setWarehouse(warehouse).setOnHand(onHand)
                .setReserved(reserved).setAvailable(onHand - reserved).build();
    }
}
