package dev.oms.inventory.adapters;

import dev.oms.contracts.inventory.v1.StockLevelChanged;
import dev.oms.contracts.inventory.v1.StockReserved;
import dev.oms.inventory.api.StockLevel;
import dev.oms.inventory.domain.Allocation;
import dev.oms.messaging.TransactionContext;
import java.util.List;

/** Builds and publishes the inventory events whose shape is shared by several handlers. */
public final class InventoryEvents {
    private InventoryEvents() {}

    static StockReserved stockReserved(String orderId, List<Allocation> allocations) {
        StockReserved.Builder reply = StockReserved.newBuilder().setOrderId(orderId);
        allocations.forEach(a -> reply.addAllocationsBuilder()
                .setSku(a.sku()).setWarehouse(a.warehouse()).setQuantity(a.quantity()));
        return reply.build();
    }

    /** Stock level events are keyed by SKU: consumers of stock levels want one SKU's changes in order. */
    public static void publishLevel(TransactionContext tx, StockLevel level) {
        tx.publish(level.sku(), StockLevelChanged.newBuilder()
                .setSku(level.sku())
                .setWarehouse(level.warehouse())
                .setOnHand(level.onHand())
                .setReserved(level.reserved())
                .setAvailable(level.available())
                .build());
    }
}
