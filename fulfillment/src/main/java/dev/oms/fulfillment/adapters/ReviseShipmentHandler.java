package dev.oms.fulfillment.adapters;

import dev.oms.contracts.fulfillment.v1.ReviseShipment;
import dev.oms.contracts.fulfillment.v1.ShipmentReviseRefused;
import dev.oms.fulfillment.adapters.ShipmentRevisionTable.Outcome;
import dev.oms.fulfillment.domain.Shipment;
import dev.oms.fulfillment.domain.ShipmentPlan.Parcel;
import dev.oms.fulfillment.domain.ShipmentRevision;
import dev.oms.fulfillment.domain.ShipmentRevision.Carrying;
import dev.oms.fulfillment.domain.ShipmentRevision.Change;
import dev.oms.fulfillment.domain.ShipmentRevision.Refused;
import dev.oms.fulfillment.domain.ShipmentRevision.Revised;
import dev.oms.fulfillment.domain.ShipmentStatus;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.TransactionContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies an order edit to the order's shipments (see {@link ShipmentRevision}), once per operation: replies
 * ShipmentRevised with the order's shipments, or ShipmentReviseRefused. A repeat changes nothing and answers as the
 * first did: the same refusal, or the shipments as they are now. A new shipment moves on by itself like any other.
 */
final class ReviseShipmentHandler implements MessageHandler {
    private final ShipmentTable shipments;
    private final ShipmentRevisionTable revisions;
    private final AutoAdvance autoAdvance;

    ReviseShipmentHandler(ShipmentTable shipments, ShipmentRevisionTable revisions, AutoAdvance autoAdvance) {
        this.shipments = shipments;
        this.revisions = revisions;
        this.autoAdvance = autoAdvance;
    }

    @Override
    public void handle(IncomingMessage message, TransactionContext tx) throws SQLException {
        ReviseShipment command = message.payloadAs(ReviseShipment.class);
        String orderId = command.getOrderId();
        Connection c = tx.connection();
        List<Shipment> found = lock(c, orderId);
        Optional<Outcome> earlier = revisions.find(c, orderId, command.getOperationId());
        if (earlier.isPresent()) {
            reply(tx, command, earlier.get());
            return;
        }
        List<Carrying> carrying = new ArrayList<>();
        for (Shipment shipment : found) {
            carrying.add(new Carrying(shipment, shipments.lines(c, shipment)));
        }
        ShipmentRevision.Verdict verdict = ShipmentRevision.of(carrying, changes(command));
        Outcome outcome = verdict instanceof Refused refused ? new Outcome(refused.reason()) : Outcome.REVISED;
        if (verdict instanceof Revised revised) {
            apply(tx, command, found, revised);
        }
        revisions.record(c, orderId, command.getOperationId(), outcome, tx.now());
        reply(tx, command, outcome);
    }

    /**
     * Locks the rows first and the order's progress second, in the order the desk and the auto-advance take them,
     * so that none of them waits for another that waits for it. Once both are held no shipment of the order moves;
     * the second read also sees a part split off and shipped by a ship that committed while the first one waited.
     */
    private List<Shipment> lock(Connection c, String orderId) throws SQLException {
        shipments.findByOrderForUpdate(c, orderId);
        shipments.lockOrderProgress(c, orderId);
        return shipments.findByOrder(c, orderId);
    }

    private void apply(TransactionContext tx, ReviseShipment command, List<Shipment> found, Revised revised)
            throws SQLException {
        Connection c = tx.connection();
        for (Carrying changed : revised.changed()) {
            shipments.replaceLines(c, changed.shipment().shipmentId(), changed.lines(), tx.now());
        }
        Shipment sibling = found.get(0); // every shipment of an order goes to the order's address
        for (Parcel parcel : revised.created()) {
            Shipment shipment = Shipment.created(UUID.randomUUID().toString(), sibling.orderId(), parcel.warehouse());
            shipments.insertBeside(c, shipment, parcel.lines(), sibling.shipmentId(), tx.now(),
                    autoAdvance.nextDue(shipment.status(), tx.now()));
        }
        for (Shipment cancelled : revised.cancelled()) {
            shipments.replaceLines(c, cancelled.shipmentId(), List.of(), tx.now());
            shipments.cancel(c, cancelled, command.getOperationId(), tx.now());
        }
        for (Shipment cancelled : revised.cancelled()) {
            boolean all = ShipmentStatus.allReached(shipments.statusesOf(c, cancelled.orderId()), cancelled.status());
            tx.publish(cancelled.orderId(), FulfillmentEvents.statusChanged(cancelled, all));
        }
    }

    private void reply(TransactionContext tx, ReviseShipment command, Outcome outcome) throws SQLException {
        String orderId = command.getOrderId();
        if (outcome.refused()) {
            tx.publish(orderId, ShipmentReviseRefused.newBuilder().setOrderId(orderId)
                    .setOperationId(command.getOperationId()).setReason(outcome.refusal()).build());
        } else {
            tx.publish(orderId, FulfillmentEvents.revised(orderId, command.getOperationId(),
                    shipments.findByOrder(tx.connection(), orderId)));
        }
    }

    private static List<Change> changes(ReviseShipment command) {
        return command.getChangesList().stream()
                .map(l -> new Change(l.getSku(), l.getWarehouse(), l.getQuantity())).toList();
    }
}
