package dev.oms.fulfillment.adapters;

import dev.oms.fulfillment.domain.Shipment;
import dev.oms.messaging.TransactionContext;
import dev.oms.messaging.Transactions;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;

/**
 * The development stand-in for a warehouse: moves each due shipment one status on. Its only state is the due time
 * in the table, so a restarted service carries on where it stopped, and instances share the work by skipping rows
 * another holds.
 */
public final class ShipmentAdvancer {
    private static final int BATCH = 100;

    private final Transactions transactions;
    private final ShipmentTable shipments;
    private final AutoAdvance autoAdvance;

    ShipmentAdvancer(Transactions transactions, ShipmentTable shipments, AutoAdvance autoAdvance) {
        this.transactions = transactions;
        this.shipments = shipments;
        this.autoAdvance = autoAdvance;
    }

    /** Moves the shipments due now one step on, in one transaction; returns how many moved. */
    public int advanceDue() {
        return transactions.inTransaction(tx -> {
            List<Shipment> due = shipments.lockDue(tx.connection(), tx.now(), BATCH).stream()
                    .sorted(Comparator.comparing(Shipment::orderId)).toList();
            for (String orderId : due.stream().map(Shipment::orderId).distinct().toList()) {
                shipments.lockOrderProgress(tx.connection(), orderId);
            }
            for (Shipment shipment : due) {
                advance(tx, shipment.advance());
            }
            return due.size();
        });
    }

    private void advance(TransactionContext tx, Shipment moved) throws SQLException {
        ShipmentProgress.moved(tx, shipments, moved, autoAdvance.nextDue(moved.status(), tx.now()));
    }
}
