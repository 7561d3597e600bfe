package dev.oms.fulfillment.adapters;

import dev.oms.contracts.fulfillment.v1.CancelUnshipped;
import dev.oms.contracts.fulfillment.v1.CancelledUnits;
import dev.oms.contracts.fulfillment.v1.ShipmentCancelRefused;
import dev.oms.contracts.fulfillment.v1.UnshippedCancelled;
import dev.oms.fulfillment.domain.Shipment;
import dev.oms.fulfillment.domain.ShipmentLine;
import dev.oms.fulfillment.domain.ShipmentStatus;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.TransactionContext;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;

/**
 * Cancels the shipments of an order that have not left (held or not), keeping those that have: the rest of a partly
 * shipped order. Replies UnshippedCancelled with the units cancelled and how far the shipments still live got, or
 * ShipmentCancelRefused when nothing is left to cancel. A repeat of the operation answers the units it cancelled.
 */
final class CancelUnshippedHandler implements MessageHandler {
    private final ShipmentTable shipments;

    CancelUnshippedHandler(ShipmentTable shipments) {
        this.shipments = shipments;
    }

    @Override
    public void handle(IncomingMessage message, TransactionContext tx) throws SQLException {
        CancelUnshipped command = message.payloadAs(CancelUnshipped.class);
        String orderId = command.getOrderId();
        shipments.lockOrderProgress(tx.connection(), orderId);
        List<Shipment> all = shipments.findByOrderForUpdate(tx.connection(), orderId);
        List<Shipment> cancelled = shipments.cancelledBy(tx.connection(), orderId, command.getOperationId());
        if (cancelled.isEmpty()) {
            List<Shipment> rest = all.stream().filter(s -> !s.status().hasLeftWarehouse() && !s.status().isFinal()).toList();
            if (rest.isEmpty() || rest.size() == all.stream().filter(s -> s.status() != ShipmentStatus.CANCELLED).count()) {
                tx.publish(orderId, ShipmentCancelRefused.newBuilder().setOrderId(orderId)
                        .setReason(rest.isEmpty() ? "every shipment has left" : "nothing has left yet: cancel the order")
                        .build());
                return;
            }
            for (Shipment shipment : rest) {
                Shipment gone = shipment.cancel();
                shipments.cancel(tx.connection(), gone, command.getOperationId(), tx.now());
                tx.publish(orderId, FulfillmentEvents.statusChanged(gone, false));
            }
            cancelled = rest;
        }
        UnshippedCancelled.Builder reply = UnshippedCancelled.newBuilder().setOrderId(orderId)
                .setOperationId(command.getOperationId());
        for (Shipment shipment : cancelled) {
            for (ShipmentLine line : shipments.lines(tx.connection(), shipment)) {
                reply.addUnits(CancelledUnits.newBuilder().setSku(line.sku()).setWarehouse(line.warehouse())
                        .setQuantity(line.quantity()));
            }
        }
        shipments.statusesOf(tx.connection(), orderId).stream().filter(s -> s != ShipmentStatus.CANCELLED)
                .min(Comparator.naturalOrder()).ifPresent(s -> reply.setRemainingStatus(s.name()));
        tx.publish(orderId, reply.build());
    }
}
