package dev.oms.inventory.adapters;

import dev.oms.contracts.inventory.v1.ReservationExpired;
import dev.oms.inventory.domain.Allocation;
import dev.oms.inventory.domain.Reservation;
import dev.oms.messaging.TransactionContext;
import dev.oms.messaging.Transactions;
import java.sql.SQLException;
import java.util.List;

/**
 * Expires the HELD reservations nobody committed in time: their units become available again. Its only state is
 * the expiry time in the table, so instances share the work by skipping rows another holds, and none expires a
 * reservation twice.
 */
public final class ReservationExpirer {
    private static final int BATCH = 100;

    private final Transactions transactions;
    private final StockTable stock;
    private final ReservationTable reservations;

    public ReservationExpirer(Transactions transactions, StockTable stock, ReservationTable reservations) {
        this.transactions = transactions;
        this.stock = stock;
        this.reservations = reservations;
    }

    /** Expires every due reservation, one transaction per batch; returns how many expired. */
    public int expireDue() {
        int expired = 0;
        int batch;
        do {
            batch = expireBatch();
            expired += batch;
        } while (batch == BATCH);
        return expired;
    }

    private int expireBatch() {
        return transactions.inTransaction(tx -> {
            List<Reservation> due = reservations.lockExpired(tx.connection(), tx.now(), BATCH);
            if (due.isEmpty()) {
                return 0;
            }
            // the batch's stock rows are locked up front, in the order a reservation locks them: the two never deadlock
            stock.lockForUpdate(tx.connection(),
                    due.stream().flatMap(r -> r.lines().stream()).map(Allocation::sku).distinct().toList());
            for (Reservation reservation : due) {
                expire(tx, reservation.expire());
            }
            return due.size();
        });
    }

    private void expire(TransactionContext tx, Reservation expired) throws SQLException {
        for (Allocation line : expired.lines()) {
            InventoryEvents.publishLevel(tx, stock.reserve(tx.connection(), line.sku(), line.warehouse(),
                    -line.quantity()));
        }
        reservations.updateStatus(tx.connection(), expired, tx.now());
        tx.publish(expired.orderId(), ReservationExpired.newBuilder().setOrderId(expired.orderId()).build());
    }
}
