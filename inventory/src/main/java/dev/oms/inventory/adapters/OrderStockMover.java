package dev.oms.inventory.adapters;

import dev.oms.inventory.domain.MovementReason;
import dev.oms.inventory.domain.Reservation;
import dev.oms.inventory.domain.StockMove;
import dev.oms.messaging.TransactionContext;
import java.sql.SQLException;
import java.util.List;

/**
 * Moves units between a committed order and the shelves, for an order edit or its undo: taken units leave on hand
 * (COMMIT), put-back units return to it (RESTOCK), both noted with the operation, and the order's lines follow.
 * The caller holds the reservation's and the stock rows' locks and has made sure the units to take are available.
 */
final class OrderStockMover {
    private final StockTable stock;
    private final ReservationTable reservations;

    OrderStockMover(StockTable stock, ReservationTable reservations) {
        this.stock = stock;
        this.reservations = reservations;
    }

    Reservation move(TransactionContext tx, Reservation reservation, List<StockMove> moves, String note)
            throws SQLException {
        Reservation moved = reservation.move(moves);
        String orderId = reservation.orderId();
        for (StockMove move : moves) {
            InventoryEvents.publishLevel(tx, move.quantity() > 0
                    ? stock.takeOperation(tx.connection(), move.sku(), move.warehouse(), move.quantity(), orderId,
                            note, tx.now())
                    : stock.restockOperation(tx.connection(), move.sku(), move.warehouse(), -move.quantity(), orderId,
                            MovementReason.RESTOCK, note, tx.now()));
            reservations.setLine(tx.connection(), orderId, move.sku(), move.warehouse(),
                    moved.units(move.sku(), move.warehouse()));
        }
        reservations.updateStatus(tx.connection(), moved, tx.now());
        return moved;
    }
}
