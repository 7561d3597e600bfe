package dev.oms.projections.order;

import dev.oms.contracts.Envelope;
import dev.oms.contracts.fulfillment.v1.Shipment;
import dev.oms.contracts.fulfillment.v1.ShipmentCancelled;
import dev.oms.contracts.fulfillment.v1.ShipmentCreated;
import dev.oms.contracts.fulfillment.v1.ShipmentRevised;
import dev.oms.contracts.fulfillment.v1.ShipmentHoldChanged;
import dev.oms.contracts.fulfillment.v1.ShipmentStatusChanged;
import dev.oms.projections.internal.EventRoutes;
import dev.oms.projections.internal.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The shipments of an order. A status is replaced only by one at least as recent, so a redelivered event never
 * moves a shipment back. Each SQL write has an in-memory twin a rebuild folds events with.
 */
final class ShipmentProjector {
    private static final String CREATED = "CREATED";
    private static final String CANCELLED = "CANCELLED";

    private ShipmentProjector() {}

    static void routeTo(EventRoutes routes) {
        routes.on(ShipmentCreated.getDefaultInstance(), ShipmentProjector::created)
                .on(ShipmentStatusChanged.getDefaultInstance(), ShipmentProjector::statusChanged)
                .on(ShipmentCancelled.getDefaultInstance(), ShipmentProjector::cancelled)
                .on(ShipmentRevised.getDefaultInstance(), ShipmentProjector::revised)
                .on(ShipmentHoldChanged.getDefaultInstance(), ShipmentProjector::holdChanged);
    }

    static void foldTo(FoldRoutes routes) {
        routes.on(ShipmentCreated.getDefaultInstance(), ShipmentProjector::created)
                .on(ShipmentStatusChanged.getDefaultInstance(), ShipmentProjector::statusChanged)
                .on(ShipmentCancelled.getDefaultInstance(), ShipmentProjector::cancelled)
                .on(ShipmentRevised.getDefaultInstance(), ShipmentProjector::revised)
                .on(ShipmentHoldChanged.getDefaultInstance(), ShipmentProjector::holdChanged);
    }

    static void created(ShipmentCreated event, Envelope envelope, Connection c) throws SQLException {
        OrderRows.touch(c, event.getOrderId(), envelope.occurredAt());
        for (int i = 0; i < event.getShipmentsCount(); i++) {
            Shipment shipment = event.getShipments(i);
            Jdbc.update(c, """
                    INSERT INTO order_shipment_view (shipment_id, order_id, position, warehouse, status, created_at,
                                                     status_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (shipment_id) DO UPDATE SET
                        position = excluded.position, warehouse = excluded.warehouse, created_at = excluded.created_at""",
                    shipment.getShipmentId(), event.getOrderId(), i, shipment.getWarehouse(),
                    shipment.getStatus().isEmpty() ? CREATED : shipment.getStatus(), envelope.occurredAt(),
                    envelope.occurredAt());
        }
    }

    static void statusChanged(ShipmentStatusChanged event, Envelope envelope, Connection c) throws SQLException {
        OrderRows.touch(c, event.getOrderId(), envelope.occurredAt());
        Shipment shipment = event.getShipment();
        Jdbc.update(c, """
                INSERT INTO order_shipment_view (shipment_id, order_id, position, warehouse, status, created_at,
                                                 status_at)
                VALUES (?, ?, 0, ?, ?, ?, ?)
                ON CONFLICT (shipment_id) DO UPDATE SET status = excluded.status, status_at = excluded.status_at
                WHERE order_shipment_view.status_at <= excluded.status_at AND order_shipment_view.status <> ?""",
                shipment.getShipmentId(), event.getOrderId(), shipment.getWarehouse(), shipment.getStatus(),
                envelope.occurredAt(), envelope.occurredAt(), CANCELLED);
    }

    /**
     * A cancelled shipment stays cancelled, whatever the time of the status shown: the warehouse may have picked the
     * parcel in a transaction that began after the cancellation's but committed before it, so the PICKED event carries
     * the later time and arrives first. Times order a shipment's moves forward, never a cancellation back.
     */
    static void cancelled(ShipmentCancelled event, Envelope envelope, Connection c) throws SQLException {
        OrderRows.touch(c, event.getOrderId(), envelope.occurredAt());
        Jdbc.update(c, """
                UPDATE order_shipment_view SET status = ?, status_at = GREATEST(status_at, ?) WHERE order_id = ?""",
                CANCELLED, envelope.occurredAt(), event.getOrderId());
    }

    /**
     * An order edit lists all the order's shipments: the new ones appear, the ones it emptied are cancelled (as a
     * cancellation, whatever the time of the status shown). The other statuses it lists are left to the shipments'
     * own ShipmentStatusChanged events, which order their moves.
     */
    static void revised(ShipmentRevised event, Envelope envelope, Connection c) throws SQLException {
        OrderRows.touch(c, event.getOrderId(), envelope.occurredAt());
        for (int i = 0; i < event.getShipmentsCount(); i++) {
            Shipment shipment = event.getShipments(i);
            Jdbc.update(c, """
                    INSERT INTO order_shipment_view (shipment_id, order_id, position, warehouse, status, created_at,
                                                     status_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (shipment_id) DO UPDATE SET
                        status = excluded.status,
                        status_at = GREATEST(order_shipment_view.status_at, excluded.status_at)
                    WHERE excluded.status = ?""",
                    shipment.getShipmentId(), event.getOrderId(), i, shipment.getWarehouse(),
                    shipment.getStatus().isEmpty() ? CREATED : shipment.getStatus(), envelope.occurredAt(),
                    envelope.occurredAt(), CANCELLED);
        }
    }

    /** A hold or its release; an older one (a redelivery) does not undo a newer. The shipment exists by then. */
    static void holdChanged(ShipmentHoldChanged event, Envelope envelope, Connection c) throws SQLException {
        OrderRows.touch(c, event.getOrderId(), envelope.occurredAt());
        Jdbc.update(c, """
                UPDATE order_shipment_view SET hold_reason = ?, hold_at = ?
                WHERE shipment_id = ? AND (hold_at IS NULL OR hold_at <= ?)""",
                event.getHeld() ? event.getReason() : null, envelope.occurredAt(), event.getShipmentId(),
                envelope.occurredAt());
    }

    static void holdChanged(ShipmentHoldChanged event, Envelope envelope, FoldedOrder order) {
        Instant at = envelope.occurredAt();
        order.touch(at);
        FoldedOrder.Shipment row = order.shipments.get(event.getShipmentId());
        if (row != null && (row.holdAt == null || !row.holdAt.isAfter(at))) {
            row.holdReason = event.getHeld() ? event.getReason() : null;
            row.holdAt = at;
        }
    }

    static void created(ShipmentCreated event, Envelope envelope, FoldedOrder order) {
        Instant at = envelope.occurredAt();
        order.touch(at);
        for (int i = 0; i < event.getShipmentsCount(); i++) {
            Shipment shipment = event.getShipments(i);
            FoldedOrder.Shipment row = order.shipments.get(shipment.getShipmentId());
            if (row == null) {
                row = new FoldedOrder.Shipment();
                row.status = shipment.getStatus().isEmpty() ? CREATED : shipment.getStatus();
                row.statusAt = at;
                order.shipments.put(shipment.getShipmentId(), row);
            }
            row.position = i;
            row.warehouse = shipment.getWarehouse();
            row.createdAt = at;
        }
    }

    static void statusChanged(ShipmentStatusChanged event, Envelope envelope, FoldedOrder order) {
        Instant at = envelope.occurredAt();
        order.touch(at);
        Shipment shipment = event.getShipment();
        FoldedOrder.Shipment row = order.shipments.get(shipment.getShipmentId());
        if (row == null) {
            row = new FoldedOrder.Shipment();
            row.warehouse = shipment.getWarehouse();
            row.createdAt = at;
            order.shipments.put(shipment.getShipmentId(), row);
        } else if (row.statusAt.isAfter(at) || CANCELLED.equals(row.status)) {
            return;
        }
        row.status = shipment.getStatus();
        row.statusAt = at;
    }

    static void cancelled(ShipmentCancelled event, Envelope envelope, FoldedOrder order) {
        Instant at = envelope.occurredAt();
        order.touch(at);
        for (FoldedOrder.Shipment row : order.shipments.values()) {
            row.status = CANCELLED;
            row.statusAt = FoldedOrder.later(row.statusAt, at);
        }
    }

    static void revised(ShipmentRevised event, Envelope envelope, FoldedOrder order) {
        Instant at = envelope.occurredAt();
        order.touch(at);
        for (int i = 0; i < event.getShipmentsCount(); i++) {
            Shipment shipment = event.getShipments(i);
            String status = shipment.getStatus().isEmpty() ? CREATED : shipment.getStatus();
            FoldedOrder.Shipment row = order.shipments.get(shipment.getShipmentId());
            if (row == null) {
                row = new FoldedOrder.Shipment();
                row.position = i;
                row.warehouse = shipment.getWarehouse();
                row.status = status;
                row.statusAt = at;
                row.createdAt = at;
                order.shipments.put(shipment.getShipmentId(), row);
            } else if (CANCELLED.equals(status)) {
                row.status = CANCELLED;
                row.statusAt = FoldedOrder.later(row.statusAt, at);
            }
        }
    }
}
