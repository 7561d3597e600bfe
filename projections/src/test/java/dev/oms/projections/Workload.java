package dev.oms.projections;

import dev.oms.contracts.payment.v1.AuthorizationVoided;
import dev.oms.contracts.payment.v1.PaymentAuthorized;
import dev.oms.contracts.payment.v1.PaymentCaptured;
import dev.oms.contracts.payment.v1.PaymentDeclined;
import java.time.Instant;
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
