package dev.oms.bff.operations;

import dev.oms.inventory.api.StockLevel;
import java.time.Instant;

/** A stock level as the inventory service reports it right after an adjustment (it carries no report time). */
record StockLevelPayload(String sku, String warehouse, long onHand, long reserved, long available, Instant updatedAt) {

    static StockLevelPayload of(StockLevel level) {
        return new StockLevelPayload(level.sku(), level.warehouse(), level.onHand(), level.reserved(),
                level.available(), null);
    }
}
