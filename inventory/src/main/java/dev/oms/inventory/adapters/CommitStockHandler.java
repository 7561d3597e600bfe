package dev.oms.inventory.adapters;

import dev.oms.contracts.inventory.v1.CommitStock;
import dev.oms.contracts.inventory.v1.StockCommitted;
import dev.oms.inventory.domain.Allocation;
import dev.oms.inventory.domain.Reservation;
import dev.oms.inventory.domain.ReservationStatus;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.TransactionContext;
import java.sql.SQLException;

/**
 * Moves an order's held units out of the warehouse. A repeat re-replies; committing a reservation that does not
 * exist or was given back is refused with an exception, so the command is parked rather than answered falsely.
 */
final class CommitStockHandler implements MessageHandler {
    private final StockTable stock;
    private final ReservationTable reservations;

    CommitStockHandler(StockTable stock, ReservationTable reservations) {
        this.stock = stock;
        this.reservations = reservations;
    }

    @Override
    public void handle(IncomingMessage message, TransactionContext tx) throws SQLException {
        String orderId = message.payloadAs(CommitStock.class).getOrderId();
        Reservation reservation = reservations.findForUpdate(tx.connection(), orderId)
                .orElseThrow(() -> new IllegalStateException("no reservation to commit for order " + orderId));
        if (reservation.status() != ReservationStatus.COMMITTED) {
            Reservation committed = reservation.commit();
            for (Allocation line : committed.lines()) {
                InventoryEvents.publishLevel(tx, stock.ship(tx.connection(), line.sku(), line.warehouse(), line.quantity()));
            }
            reservations.updateStatus(tx.connection(), committed, tx.now());
        }
        tx.publish(orderId, StockCommitted.newBuilder().setOrderId(orderId).build());
    }
}
