package dev.oms.fulfillment.adapters;

import dev.oms.contracts.common.v1.Address;
import dev.oms.contracts.fulfillment.v1.CreateShipment;
import dev.oms.contracts.fulfillment.v1.ShipmentRejected;
import dev.oms.fulfillment.domain.Shipment;
import dev.oms.fulfillment.domain.ShipmentLine;
import dev.oms.fulfillment.domain.ShipmentPlan;
import dev.oms.fulfillment.domain.ShipmentPlan.Parcel;
import dev.oms.fulfillment.domain.ShipmentPlan.Planned;
import dev.oms.fulfillment.domain.ShipmentPlanner;
import dev.oms.fulfillment.domain.ShippingAddress;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.TransactionContext;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Creates one shipment per warehouse for an order. A repeat re-replies the order's shipments; a rejection leaves
 * no row, so a repeat decides again. Concurrent duplicates collide on (order_id, warehouse) and the retry re-replies.
 */
final class CreateShipmentHandler implements MessageHandler {
    private final ShipmentTable shipments;
    private final AutoAdvance autoAdvance;

    CreateShipmentHandler(ShipmentTable shipments, AutoAdvance autoAdvance) {
        this.shipments = shipments;
        this.autoAdvance = autoAdvance;
    }

    @Override
    public void handle(IncomingMessage message, TransactionContext tx) throws SQLException {
        CreateShipment command = message.payloadAs(CreateShipment.class);
        String orderId = command.getOrderId();
        List<Shipment> existing = shipments.findByOrderForUpdate(tx.connection(), orderId);
        if (!existing.isEmpty()) {
            tx.publish(orderId, FulfillmentEvents.created(orderId, existing));
            return;
        }
        ShippingAddress address = address(command);
        ShipmentPlan plan = ShipmentPlanner.plan(lines(command), command.hasShippingAddress() ? address : null);
        if (plan instanceof Planned planned) {
            tx.publish(orderId, FulfillmentEvents.created(orderId, create(tx, orderId, planned, address)));
        } else {
            String reason = ((ShipmentPlan.Rejected) plan).reason();
            tx.publish(orderId, ShipmentRejected.newBuilder().setOrderId(orderId).setReason(reason).build());
        }
    }

    private List<Shipment> create(TransactionContext tx, String orderId, Planned planned, ShippingAddress address)
            throws SQLException {
        List<Shipment> created = new ArrayList<>();
        for (Parcel parcel : planned.parcels()) {
            Shipment shipment = Shipment.created(UUID.randomUUID().toString(), orderId, parcel.warehouse());
            shipments.insert(tx.connection(), shipment, parcel.lines(), address, tx.now(),
                    autoAdvance.nextDue(shipment.status(), tx.now()));
            created.add(shipment);
        }
        return created;
    }

    private static List<ShipmentLine> lines(CreateShipment command) {
        return command.getLinesList().stream()
                .map(l -> new ShipmentLine(l.getSku(), l.getWarehouse(), l.getQuantity())).toList();
    }

    private static ShippingAddress address(CreateShipment command) {
        Address a = command.getShippingAddress();
        return new ShippingAddress(a.getName(), a.getLine1(), a.getCity(), a.getPostalCode(), a.getCountry());
    }
}
