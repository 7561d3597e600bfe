package dev.oms.inventory.adapters;

import dev.oms.contracts.inventory.v1.CommitStock;
import dev.oms.contracts.inventory.v1.StockCommitted;
import dev.oms.inventory.api.StockLevel;
import dev.oms.inventory.domain.Allocation;
import dev.oms.inventory.domain.Reservation;
import dev.oms.inventory.domain.ReservationLostException;
import dev.oms.inventory.domain.ReservationStatus;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.TransactionContext;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Moves an order's held units out of the warehouse. A repeat re-replies. An expired reservation takes the same
 * units again when they are still available (held and shipped at once); when they are gone, the typed
 * ReservationLostException parks the command for an operator. Committing a reservation that does not exist or was
 * given back is refused with an exception, so the command is parked rather than answered falsely.
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
            if (reservation.status() == ReservationStatus.EXPIRED) {
                retake(tx, committed);
            } else {
                ship(tx, committed);
            }
            reservations.updateStatus(tx.connection(), committed, tx.now());
        }
        tx.publish(orderId, StockCommitted.newBuilder().setOrderId(orderId).build());
    }

    private void ship(TransactionContext tx, Reservation reservation) throws SQLException {
        for (Allocation line : reservation.lines()) {
            InventoryEvents.publishLevel(tx, stock.ship(tx.connection(), line.sku(), line.warehouse(), line.quantity(),
                    reservation.orderId(), tx.now()));
        }
    }

    private void retake(TransactionContext tx, Reservation reservation) throws SQLException {
        Map<String, StockLevel> levels = stock.lockForUpdate(tx.connection(),
                        reservation.lines().stream().map(Allocation::sku).distinct().toList())
                .stream().collect(Collectors.toMap(l -> l.sku() + "@" + l.warehouse(), Function.identity()));
        for (Allocation line : reservation.lines()) {
            StockLevel level = levels.get(line.sku() + "@" + line.warehouse());
            long available = level == null ? 0 : level.available();
            if (available < line.quantity()) {
                throw new ReservationLostException(reservation.orderId(), line, available);
            }
        }
        for (Allocation line : reservation.lines()) {
            InventoryEvents.publishLevel(tx, stock.take(tx.connection(), line.sku(), line.warehouse(), line.quantity(),
                    reservation.orderId(), tx.now()));
        }
    }
}
