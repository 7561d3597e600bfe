package dev.oms.bench.jmh;

import dev.oms.bench.OrderKind;
import dev.oms.bench.load.DirectCheckouts;
import dev.oms.bench.load.PlannedOrder;
import dev.oms.contracts.Envelope;
import dev.oms.contracts.MessageTypes;
import dev.oms.contracts.cart.v1.CheckoutCompleted;
import dev.oms.contracts.inventory.v1.Allocation;
import dev.oms.contracts.inventory.v1.ReserveStock;
import dev.oms.contracts.inventory.v1.StockItem;
import dev.oms.contracts.inventory.v1.StockReserved;
import dev.oms.contracts.order.v1.PlaceOrderSagaData;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The messages of a typical two-line order, as the bench places them. */
final class TypicalMessages {
    static final String ORDER_ID = "5b0d7c1e-8f4a-4c0e-9a39-2f4d1c6e7a11";

    private TypicalMessages() {}

    static CheckoutCompleted checkoutCompleted() {
        return DirectCheckouts.checkout(ORDER_ID, new PlannedOrder("bench-42", List.of(
                new PlannedOrder.Line("SKU-0003", 2, 1_250, "EUR"),
                new PlannedOrder.Line("SKU-0017", 1, 4_750, "EUR")), OrderKind.OK));
    }

    static ReserveStock reserveStock() {
        return ReserveStock.newBuilder().setOrderId(ORDER_ID)
                .addItems(StockItem.newBuilder().setSku("SKU-0003").setQuantity(2))
                .addItems(StockItem.newBuilder().setSku("SKU-0017").setQuantity(1))
                .build();
    }

    static StockReserved stockReserved() {
        return StockReserved.newBuilder().setOrderId(ORDER_ID)
                .addAllocations(Allocation.newBuilder().setSku("SKU-0003").setWarehouse("WH-EAST").setQuantity(2))
                .addAllocations(Allocation.newBuilder().setSku("SKU-0017").setWarehouse("WH-WEST").setQuantity(1))
                .build();
    }

    static PlaceOrderSagaData sagaData() {
        return PlaceOrderSagaData.newBuilder().setCheckout(checkoutCompleted()).build();
    }

    /** The envelope of a saga's command: every optional field set, as the outbox writes it. */
    static Envelope envelope() {
        String type = MessageTypes.typeOf(ReserveStock.getDefaultInstance());
        return new Envelope(UUID.randomUUID(), type, MessageTypes.schemaVersionOf(type), ORDER_ID, UUID.randomUUID(),
                UUID.randomUUID().toString(), Instant.parse("2026-01-01T10:15:30.123456Z"),
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "order");
    }
}
