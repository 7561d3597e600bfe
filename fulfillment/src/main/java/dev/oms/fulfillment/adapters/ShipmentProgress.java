package dev.oms.fulfillment.adapters;

import dev.oms.fulfillment.domain.Shipment;
import dev.oms.fulfillment.domain.ShipmentStatus;
import dev.oms.messaging.TransactionContext;
import java.sql.SQLException;
import java.time.Instant;

/** Records a shipment's move and tells of it; the caller holds the order's progress lock. */
final class ShipmentProgress {
    private ShipmentProgress() {}

    /**
     * Whether the order's shipments all reached the new status is read after this one moved, under the order's
     * progress lock, so that exactly one event of an order says so even when its shipments move in one batch.
     */
    static void moved(TransactionContext tx, ShipmentTable shipments, Shipment moved, Instant due) throws SQLException {
        shipments.update(tx.connection(), moved, tx.now(), due);
        boolean all = ShipmentStatus.allReached(shipments.statusesOf(tx.connection(), moved.orderId()), moved.status());
        tx.publish(moved.orderId(), FulfillmentEvents.statusChanged(moved, all));
    }
}
