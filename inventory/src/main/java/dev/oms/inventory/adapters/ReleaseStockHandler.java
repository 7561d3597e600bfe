package dev.oms.inventory.adapters;

import dev.oms.contracts.inventory.v1.ReleaseStock;
import dev.oms.contracts.inventory.v1.StockReleased;
import dev.oms.inventory.domain.Allocation;
import dev.oms.inventory.domain.Reservation;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.TransactionContext;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Gives an order's held units back. Always replies StockReleased when nothing is held any more, because the
 * compensating saga waits for that reply whether or not the reservation ever happened. A committed reservation
 * cannot be released: the goods are gone, and the typed exception parks the command for an operator.
 */
final class ReleaseStockHandler implements MessageHandler {
    private final StockTable stock;
    private final ReservationTable reservations;

    ReleaseStockHandler(StockTable stock, ReservationTable reservations) {
        this.stock = stock;
        this.reservations = reservations;
    }

    @Override
    public void handle(IncomingMessage message, TransactionContext tx) throws SQLException {
        String orderId = message.payloadAs(ReleaseStock.class).getOrderId();
        Optional<Reservation> found = reservations.findForUpdate(tx.connection(), orderId);
        if (found.isPresent() && !found.get().status().holdsNothing()) {
            Reservation released = found.get().release();
            for (Allocation line : released.lines()) {
                InventoryEvents.publishLevel(tx, stock.reserve(tx.connection(), line.sku(), line.warehouse(), -line.quantity()));
            }
            reservations.updateStatus(tx.connection(), released, tx.now());
        }
        tx.publish(orderId, StockReleased.newBuilder().setOrderId(orderId).build());
    }
}
