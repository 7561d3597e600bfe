package dev.oms.inventory.adapters;

import dev.oms.contracts.inventory.v1.ReleaseStock;
import dev.oms.contracts.inventory.v1.StockReleased;
import dev.oms.inventory.api.StockLevel;
import dev.oms.inventory.domain.Allocation;
import dev.oms.inventory.domain.Reservation;
import dev.oms.inventory.domain.ReservationStatus;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.TransactionContext;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Gives an order's units back: held units become available again; committed units (an order cancelled after the
 * stock was committed, before it shipped) come back on hand as a restock. Always replies StockReleased when nothing
 * is held any more, because the compensating saga waits for that reply whether or not the reservation ever happened.
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
            Reservation reservation = found.get();
            Reservation released = reservation.release();
            for (Allocation line : released.lines()) {
                InventoryEvents.publishLevel(tx, giveBack(tx, reservation, line));
            }
            reservations.updateStatus(tx.connection(), released, tx.now());
        }
        tx.publish(orderId, StockReleased.newBuilder().setOrderId(orderId).build());
    }

    private StockLevel giveBack(TransactionContext tx, Reservation reservation, Allocation line) throws SQLException {
        if (reservation.status() == ReservationStatus.COMMITTED) {
            return stock.restock(tx.connection(), line.sku(), line.warehouse(), line.quantity(), reservation.orderId(),
                    tx.now());
        }
        return stock.reserve(tx.connection(), line.sku(), line.warehouse(), -line.quantity());
    }
}
