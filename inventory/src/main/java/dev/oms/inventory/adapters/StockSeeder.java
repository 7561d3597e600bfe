package dev.oms.inventory.adapters;

import dev.oms.inventory.api.StockLevel;
import dev.oms.inventory.api.StockSeed;
import dev.oms.inventory.domain.MovementReason;
import dev.oms.messaging.TransactionContext;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Inserts the seeded rows that do not exist yet and announces each new row's level. */
public final class StockSeeder {
    private final StockTable stock;

    public StockSeeder(StockTable stock) {
        this.stock = stock;
    }

    public void seed(TransactionContext tx, List<StockSeed> seeds) throws SQLException {
        for (StockSeed seed : seeds) {
            Optional<StockLevel> inserted = stock.insertIfAbsent(tx.connection(), seed, MovementReason.SEED, null,
                    tx.now());
            if (inserted.isPresent()) {
                InventoryEvents.publishLevel(tx, inserted.get());
            }
        }
    }
}
