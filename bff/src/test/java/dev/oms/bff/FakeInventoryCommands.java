package dev.oms.bff;

import dev.oms.inventory.api.AdjustResult;
import dev.oms.inventory.api.InventoryCommands;
import dev.oms.inventory.api.StockLevel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stock of SKU-1 in berlin: 12 on hand, 4 reserved; it refuses to go below the reserved units. */
final class FakeInventoryCommands implements InventoryCommands {
    final List<String> reasons = new CopyOnWriteArrayList<>();

    @Override
    public AdjustResult adjust(String sku, String warehouse, long delta, String reason) {
        reasons.add(reason);
        if (!sku.equals("SKU-1") || !warehouse.equals("berlin")) {
            return AdjustResult.refused(AdjustResult.UNKNOWN_STOCK, "no stock of " + sku + " in " + warehouse);
        }
        if (12 + delta < 4) {
            return AdjustResult.refused(AdjustResult.BELOW_RESERVED, "4 units are reserved");
        }
        return AdjustResult.adjusted(new StockLevel(sku, warehouse, 12 + delta, 4));
    }
}
