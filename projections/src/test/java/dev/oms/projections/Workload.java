package dev.oms.projections;

import dev.oms.contracts.common.v1.Money;
import dev.oms.contracts.payment.v1.AuthorizationVoided;
import dev.oms.contracts.order.v1.ReturnLineState;
import dev.oms.contracts.order.v1.ReturnStatusChanged;
import dev.oms.contracts.payment.v1.PaymentAuthorized;
import dev.oms.contracts.payment.v1.PaymentRefunded;
import dev.oms.contracts.payment.v1.PaymentCaptured;
import dev.oms.contracts.payment.v1.PaymentDeclined;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * A mixed order workload as the services would emit it: most orders go through to fulfilment, some are rejected,
 * some cancelled after confirmation; stock levels move as they go. Deterministic for a given seed.
 */
final class Workload {
    private final ReplayFixture platform;
    private final Random random;
    private Instant clock = Instant.parse("2026-11-01T08:00:00Z");
    private long events;

    Workload(ReplayFixture platform, long seed) {
        this.platform = platform;
        this.random = new Random(seed);
    }

    long events() {
        return events;
    }

    void catalog(int skus) {
        for (int i = 0; i < skus; i++) {
            publish("SKU-" + i, Events.listed("SKU-" + i, "Product " + i, 1_000 + i));
            publish("SKU-" + i, Events.stock("SKU-" + i, "WH-1", 1_000, 0));
        }
    }

    void orders(String prefix, int count) {
        for (int i = 0; i < count; i++) {
            String order = prefix + "-" + i;
            int kind = random.nextInt(10);
            if (kind < 7) {
                fulfilled(order);
            } else if (kind < 9) {
                rejected(order);
            } else {
                cancelled(order);
            }
        }
    }

    private void fulfilled(String order) {
        String saga = "saga-" + order;
        publish(order, Events.placed(order, "customer-" + random.nextInt(50)));
        publish(order, Events.saga(order, saga, 1, "RUNNING", 0));
        publish("SKU-1", Events.stock("SKU-1", "WH-1", 1_000, random.nextInt(100)));
        publish(order, Events.saga(order, saga, 2, "RUNNING", 1));
        publish(order, PaymentAuthorized.newBuilder().setOrderId(order).build());
        publish(order, Events.saga(order, saga, 3, "RUNNING", 2));
        publish(order, Events.status(order, "PENDING", "CONFIRMED"));
        publish(order, Events.shipmentsCreated(order, Events.shipment("ship-" + order + "-a", "WH-1", "CREATED"),
                Events.shipment("ship-" + order + "-b", "WH-2", "CREATED")));
        publish(order, Events.saga(order, saga, 4, "RUNNING", 4));
        publish(order, PaymentCaptured.newBuilder().setOrderId(order).build());
        publish(order, Events.shipmentStatus(order, Events.shipment("ship-" + order + "-a", "WH-1", "PICKED")));
        publish(order, Events.notified(order, "note-" + order, "order-confirmed"));
        publish(order, Events.saga(order, saga, 5, "COMPLETED", 6));
        publish(order, Events.status(order, "CONFIRMED", "FULFILLING"));
        if (random.nextInt(5) == 0) {
            edited(order);
        }
        if (random.nextInt(4) == 0) {
            returned(order);
        }
        if (random.nextInt(3) == 0) { // held for an address check, and released again for every other one
            publish(order, Events.hold(order, "ship-" + order + "-a", "address check"));
            if (random.nextBoolean()) {
                publish(order, Events.hold(order, "ship-" + order + "-a", null));
            }
        }
    }

    /** An order edit: WH-2's units taken off (its shipment cancelled), units added in WH-3 (a new shipment). */
    private void edited(String order) {
        publish(order, Events.shipmentStatus(order, Events.shipment("ship-" + order + "-b", "WH-2", "CANCELLED")));
        publish(order, Events.shipmentsRevised(order, "edit-" + order,
                Events.shipment("ship-" + order + "-a", "WH-1", "PICKED"),
                Events.shipment("ship-" + order + "-b", "WH-2", "CANCELLED"),
                Events.shipment("ship-" + order + "-c", "WH-3", "CREATED")));
        publish(order, Events.shipmentStatus(order, Events.shipment("ship-" + order + "-c", "WH-3", "PICKED")));
    }

    /** A return of part of the order: requested, received (one restockable, one damaged), refunded. */
    private void returned(String order) {
        String returnId = "return-" + order;
        for (String status : List.of("REQUESTED", "RECEIVED", "REFUNDED")) {
            boolean received = !status.equals("REQUESTED");
            ReturnStatusChanged.Builder event = ReturnStatusChanged.newBuilder().setReturnId(returnId).setOrderId(order)
                    .setCustomerId("customer-1").setStatus(status).setReason("DAMAGED")
                    .addLines(ReturnLineState.newBuilder().setSku("SKU-1").setQuantity(2)
                            .setUnitPrice(Money.newBuilder().setAmount(1_001).setCurrency("EUR"))
                            .setRestockable(received ? 1 : 0).setDamaged(received ? 1 : 0));
            if (status.equals("REFUNDED")) {
                event.setRefund(Money.newBuilder().setAmount(2_002).setCurrency("EUR"));
                publish(order, PaymentRefunded.newBuilder().setOrderId(order).setOperationId(returnId)
                        .setAmount(Money.newBuilder().setAmount(2_002).setCurrency("EUR"))
                        .setRefundedTotal(Money.newBuilder().setAmount(2_002).setCurrency("EUR")).build());
            }
            publish(order, event.build());
        }
    }

    private void rejected(String order) {
        String saga = "saga-" + order;
        publish(order, Events.placed(order, "customer-" + random.nextInt(50)));
        publish(order, Events.saga(order, saga, 1, "RUNNING", 1));
        publish(order, PaymentDeclined.newBuilder().setOrderId(order).setReason("card declined").build());
        publish(order, Events.status(order, "PENDING", "REJECTED"));
        publish(order, Events.saga(order, saga, 2, "COMPENSATED", 1));
    }

    private void cancelled(String order) {
        String saga = "saga-" + order;
        publish(order, Events.placed(order, "customer-" + random.nextInt(50)));
        publish(order, Events.saga(order, saga, 1, "RUNNING", 2));
        publish(order, PaymentAuthorized.newBuilder().setOrderId(order).build());
        publish(order, Events.status(order, "PENDING", "CONFIRMED"));
        publish(order, AuthorizationVoided.newBuilder().setOrderId(order).build());
        publish(order, Events.status(order, "CONFIRMED", "CANCELLED"));
        publish(order, Events.saga("cancel-" + order, "cancel-" + saga, 1, "COMPLETED", 1).toBuilder()
                .setOrderId(order).build());
    }

    private void publish(String key, com.google.protobuf.Message event) {
        clock = clock.plusMillis(1 + random.nextInt(3));
        platform.publish(key, event, clock);
        events++;
    }
}
