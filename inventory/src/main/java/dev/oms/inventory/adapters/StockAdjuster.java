package dev.oms.inventory.adapters;

import dev.oms.inventory.api.AdjustResult;
import dev.oms.inventory.api.StockLevel;
import dev.oms.inventory.api.StockSeed;
import dev.oms.inventory.domain.MovementReason;
import dev.oms.messaging.TransactionContext;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Operator stock adjustments: on hand changes by a delta, never below what is reserved for orders. */
public final class StockAdjuster {
    private static final long MAX_DELTA = 1_000_000_000L;
    private final StockTable stock;

    public StockAdjuster(StockTable stock) {
        this.stock = stock;
    }

    public static Optional<AdjustResult> invalid(String sku, String warehouse, long delta, String reason) {
        if (blank(sku) || blank(warehouse) || blank(reason)) {
            return Optional.of(AdjustResult.refused(AdjustResult.INVALID_INPUT, "sku, warehouse and reason are required"));
        }
        if (delta == 0 || Math.abs(delta) > MAX_DELTA) {
            return Optional.of(AdjustResult.refused(AdjustResult.INVALID_INPUT,
                    "delta must be non-zero and at most " + MAX_DELTA + " in size"));
        }
        return Optional.empty();
    }

    /** Applies a valid adjustment; {@code reason} is the operator's, kept with the stock movement. */
    public AdjustResult adjust(TransactionContext tx, String sku, String warehouse, long delta, String reason)
            throws SQLException {
        Optional<StockLevel> current = stock.lockForUpdate(tx.connection(), List.of(sku)).stream()
                .filter(level -> level.warehouse().equals(warehouse)).findFirst();
        StockLevel after;
        if (current.isEmpty()) {
            if (delta < 0) {
                return AdjustResult.refused(AdjustResult.UNKNOWN_STOCK, "no stock of " + sku + " in " + warehouse);
            }
            after = stock.insertIfAbsent(tx.connection(), new StockSeed(sku, warehouse, delta), MovementReason.ADJUST,
                    reason, tx.now()).orElseThrow();
        } else if (current.get().onHand() + delta < current.get().reserved()) {
            return AdjustResult.refused(AdjustResult.BELOW_RESERVED, current.get().reserved()
                    + " units are reserved for orders; on hand cannot go below that");
        } else {
            after = stock.adjustOnHand(tx.connection(), sku, warehouse, delta, reason, tx.now());
        }
        InventoryEvents.publishLevel(tx, after);
        return AdjustResult.adjusted(after);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
