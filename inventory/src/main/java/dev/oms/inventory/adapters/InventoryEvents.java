package dev.oms.inventory.adapters;

import com.google.protobuf.Message;
import dev.oms.contracts.inventory.v1.StockLevelChanged;
import dev.oms.contracts.inventory.v1.StockReserved;
import dev.oms.contracts.inventory.v2.ReservedLine;
import dev.oms.contracts.inventory.v2.WarehouseReservation;
import dev.oms.inventory.api.StockLevel;
import dev.oms.inventory.domain.Allocation;
import dev.oms.messaging.TransactionContext;
import java.util.List;

/** Builds and publishes the inventory events whose shape is shared by several handlers. */
public final class InventoryEvents {
    private InventoryEvents() {}

    /** StockReserved in the schema version the service is configured to emit. */
    static Message stockReserved(int version, String orderId, List<Allocation> allocations) {
        return version == 1 ? stockReservedV1(orderId, allocations) : stockReservedV2(orderId, allocations);
    }

    private static StockReserved stockReservedV1(String orderId, List<Allocation> allocations) {
        StockReserved.Builder reply = StockReserved.newBuilder().setOrderId(orderId);
        allocations.forEach(a -> reply.addAllocationsBuilder()
                .setSku(a.sku()).setWarehouse(a.warehouse()).setQuantity(a.quantity()));
        return reply.build();
    }

    private static dev.oms.contracts.inventory.v2.StockReserved stockReservedV2(String orderId, List<Allocation> allocations) {
        var reply = dev.oms.contracts.inventory.v2.StockReserved.newBuilder().setOrderId(orderId);
        allocations.stream().map(Allocation::warehouse).distinct().forEach(warehouse -> {
            WarehouseReservation.Builder shipFrom = reply.addWarehousesBuilder().setWarehouse(warehouse);
            allocations.stream().filter(a -> a.warehouse().equals(warehouse)).forEach(a ->
                    shipFrom.addLines(ReservedLine.newBuilder().setSku(a.sku()).setQuantity(a.quantity())));
        });
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
