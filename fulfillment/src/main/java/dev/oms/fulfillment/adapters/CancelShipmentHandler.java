package dev.oms.fulfillment.adapters;

import dev.oms.contracts.fulfillment.v1.CancelShipment;
import dev.oms.contracts.fulfillment.v1.ShipmentCancelRefused;
import dev.oms.contracts.fulfillment.v1.ShipmentCancelled;
import dev.oms.fulfillment.domain.Shipment;
import dev.oms.fulfillment.domain.ShipmentStatus;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.TransactionContext;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Cancels an order's shipments, all or nothing. Once any of them has left its warehouse (SHIPPED or DELIVERED) the
 * order can no longer be cancelled: nothing changes and it replies ShipmentCancelRefused. Otherwise every shipment
 * not yet final is cancelled and it replies ShipmentCancelled, also when there is nothing to cancel, because the
 * saga waits for the reply. A repeat replies the same, as the shipments' statuses decide it.
 */
final class CancelShipmentHandler implements MessageHandler {
    private final ShipmentTable shipments;

    CancelShipmentHandler(ShipmentTable shipments) {
        this.shipments = shipments;
    }

    @Override
    public void handle(IncomingMessage message, TransactionContext tx) throws SQLException {
        String orderId = message.payloadAs(CancelShipment.class).getOrderId();
        List<Shipment> found = shipments.findByOrderForUpdate(tx.connection(), orderId);
        Optional<Shipment> gone = found.stream().filter(s -> s.status().hasLeftWarehouse()).findFirst();
        if (gone.isPresent()) {
            tx.publish(orderId, ShipmentCancelRefused.newBuilder()
                    .setOrderId(orderId)
                    .setReason("shipment " + gone.get().shipmentId() + " from " + gone.get().warehouse() + " is "
                            + gone.get().status())
                    .build());
            return;
        }
        for (Shipment shipment : found) {
            if (!shipment.status().isFinal()) {
                shipments.update(tx.connection(), shipment.cancel(), tx.now(), null);
            }
        }
        tx.publish(orderId, ShipmentCancelled.newBuilder().setOrderId(orderId).build());
    }
}
