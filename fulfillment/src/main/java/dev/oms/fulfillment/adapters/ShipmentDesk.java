package dev.oms.fulfillment.adapters;

import dev.oms.contracts.fulfillment.v1.ShipmentHoldChanged;

import dev.oms.fulfillment.adapters.ShipmentTable.Held;
import dev.oms.fulfillment.api.FulfillmentError;
import dev.oms.fulfillment.api.ShipmentAction;
import dev.oms.fulfillment.api.ShipmentUnits;
import dev.oms.fulfillment.domain.Shipment;
import dev.oms.fulfillment.domain.ShipmentLine;
import dev.oms.fulfillment.domain.ShipmentPart;
import dev.oms.messaging.TransactionContext;
import dev.oms.messaging.Transactions;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The warehouse floor's operator actions on a shipment: hold it, release it, ship what is there now. Each runs under
 * the order's progress lock, as the auto-advance does, and tells of every move as the warehouse's own moves are told.
 */
public final class ShipmentDesk {
    private final Transactions transactions;
    private final ShipmentTable shipments;
    private final AutoAdvance autoAdvance;

    ShipmentDesk(Transactions transactions, ShipmentTable shipments, AutoAdvance autoAdvance) {
        this.transactions = transactions;
        this.shipments = shipments;
        this.autoAdvance = autoAdvance;
    }

    public ShipmentAction hold(String shipmentId, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            return ShipmentAction.refused(shipmentId, FulfillmentError.INVALID_INPUT, "reason",
                    "say why the shipment is held (1 to 500 characters)");
        }
        return onShipment(shipmentId, (tx, held) -> {
            if (held.shipment().status().hasLeftWarehouse() || held.shipment().status().isFinal()) {
                return hasLeft(held.shipment());
            }
            shipments.hold(tx.connection(), shipmentId, reason, tx.now(), null);
            publishHold(tx, held.shipment(), reason);
            return answer(held.shipment(), true, null);
        });
    }

    public ShipmentAction release(String shipmentId) {
        return onShipment(shipmentId, (tx, held) -> {
            Shipment shipment = held.shipment();
            if (held.reason() != null) {
                shipments.hold(tx.connection(), shipmentId, null, tx.now(), autoAdvance.nextDue(shipment.status(), tx.now()));
                publishHold(tx, shipment, null);
            }
            return answer(shipment, false, null);
        });
    }

    /** The read side shows holds: held with its reason, or released (no reason). */
    private static void publishHold(TransactionContext tx, Shipment shipment, String reason) {
        tx.publish(shipment.orderId(), ShipmentHoldChanged.newBuilder().setOrderId(shipment.orderId())
                .setShipmentId(shipment.shipmentId()).setHeld(reason != null).setReason(reason == null ? "" : reason)
                .build());
    }

    public ShipmentAction ship(String shipmentId, List<ShipmentUnits> units) {
        return onShipment(shipmentId, (tx, held) -> {
            Shipment shipment = held.shipment();
            if (held.reason() != null) {
                return ShipmentAction.refused(shipmentId, FulfillmentError.SHIPMENT_ON_HOLD, "shipmentId",
                        "the shipment is held (" + held.reason() + "); release it first");
            }
            if (shipment.status().hasLeftWarehouse() || shipment.status().isFinal()) {
                return hasLeft(shipment);
            }
            List<ShipmentLine> asked = units == null ? List.of() : units.stream()
                    .map(u -> new ShipmentLine(u.sku(), shipment.warehouse(), u.quantity())).toList();
            ShipmentPart.Verdict verdict = ShipmentPart.of(shipments.lines(tx.connection(), shipment), asked);
            if (verdict instanceof ShipmentPart.Refused refused) {
                return ShipmentAction.refused(shipmentId, FulfillmentError.INVALID_INPUT, "units", refused.message());
            }
            if (verdict instanceof ShipmentPart.Part part) {
                Shipment split = Shipment.created(UUID.randomUUID().toString(), shipment.orderId(), shipment.warehouse());
                shipments.split(tx.connection(), shipment, split, part.units(), tx.now());
                tx.publish(shipment.orderId(), FulfillmentEvents.created(shipment.orderId(), List.of(split)));
                sendOff(tx, split);
                return answer(shipment, false, split.shipmentId());
            }
            return answer(sendOff(tx, shipment), false, null);
        });
    }

    /** Moves the shipment on, step by step as the warehouse would, until it has left. */
    private Shipment sendOff(TransactionContext tx, Shipment shipment) throws SQLException {
        Shipment moving = shipment;
        while (!moving.status().hasLeftWarehouse()) {
            moving = moving.advance();
            ShipmentProgress.moved(tx, shipments, moving, autoAdvance.nextDue(moving.status(), tx.now()));
        }
        return moving;
    }

    @FunctionalInterface
    private interface Action {
        ShipmentAction on(TransactionContext tx, Held held) throws SQLException;
    }

    private ShipmentAction onShipment(String shipmentId, Action action) {
        if (shipmentId == null || shipmentId.isBlank()) {
            return ShipmentAction.refused(shipmentId, FulfillmentError.INVALID_INPUT, "shipmentId", "shipmentId is required");
        }
        return transactions.inTransaction(tx -> {
            Optional<Held> found = shipments.lockOne(tx.connection(), shipmentId);
            if (found.isEmpty()) {
                return ShipmentAction.refused(shipmentId, FulfillmentError.SHIPMENT_NOT_FOUND, "shipmentId",
                        "no shipment " + shipmentId);
            }
            shipments.lockOrderProgress(tx.connection(), found.get().shipment().orderId());
            return action.on(tx, found.get());
        });
    }

    private static ShipmentAction hasLeft(Shipment shipment) {
        return ShipmentAction.refused(shipment.shipmentId(), FulfillmentError.SHIPMENT_HAS_LEFT, "shipmentId",
                "the shipment is " + shipment.status());
    }

    private static ShipmentAction answer(Shipment shipment, boolean held, String shipped) {
        return new ShipmentAction(shipment.shipmentId(), shipment.orderId(), shipment.status().name(), held, shipped, null);
    }
}
