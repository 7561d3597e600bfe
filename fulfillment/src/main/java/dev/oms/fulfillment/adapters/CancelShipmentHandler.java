package dev.oms.fulfillment.adapters;

import dev.oms.contracts.fulfillment.v1.CancelShipment;
import dev.oms.contracts.fulfillment.v1.ShipmentCancelled;
import dev.oms.fulfillment.domain.Shipment;
import dev.oms.fulfillment.domain.ShipmentStatus;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.TransactionContext;
import java.sql.SQLException;

/**
 * Cancels every shipment of the order that has not left its warehouse. It replies even when there is nothing to
 * cancel, because the saga waits for the reply; shipments already on their way are left to deliver.
 */
final class CancelShipmentHandler implements MessageHandler {
    private final ShipmentTable shipments;

    CancelShipmentHandler(ShipmentTable shipments) {
        this.shipments = shipments;
    }

    @Override
    public void handle(IncomingMessage message, TransactionContext tx) throws SQLException {
        String orderId = message.payloadAs(CancelShipment.class).getOrderId();
        for (Shipment shipment : shipments.findByOrderForUpdate(tx.connection(), orderId)) {
            if (shipment.status().canMoveTo(ShipmentStatus.CANCELLED)) {
                shipments.update(tx.connection(), shipment.cancel(), tx.now(), null);
            }
        }
        tx.publish(orderId, ShipmentCancelled.newBuilder().setOrderId(orderId).build());
    }
}
