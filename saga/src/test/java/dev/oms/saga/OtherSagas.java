package dev.oms.saga;

import static dev.oms.saga.StepKind.COMPENSATABLE;
import static dev.oms.saga.StepKind.PIVOT;
import static dev.oms.saga.StepKind.RETRIABLE;

import dev.oms.contracts.Channels;
import dev.oms.contracts.fulfillment.v1.ShipmentCreated;
import dev.oms.contracts.fulfillment.v1.ShipmentRejected;
import dev.oms.contracts.inventory.v1.StockReleased;
import dev.oms.contracts.inventory.v1.StockUnavailable;
import dev.oms.contracts.inventory.v2.StockReserved;
import dev.oms.contracts.payment.v1.PaymentCaptureFailed;
import dev.oms.contracts.payment.v1.PaymentCaptured;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Saga shapes {@link ShopSaga} does not have, on the same contracts and commands (its data is the order id too):
 * a pivot that cannot be undone followed by a local retriable step, and a saga without a pivot that starts with a
 * local step. What their local steps and hooks did is kept in {@link #log}.
 */
final class OtherSagas {
    static final Duration TIMEOUT = ShopSaga.TIMEOUT;
    /** The retriable steps' budget: two attempts, 1 s then 2 s apart. */
    static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

    final List<String> log = new ArrayList<>();
    /** Whether the pivot-less saga's first (local) step confirms the order. */
    boolean confirms = true;
    /** How many times the local retriable step fails before it succeeds. */
    int recordFailures;

    /**
     * reserve_stock, then a shipment whose creation cannot be undone (the pivot has no compensation), then the capture
     * and a local retriable step that records the sale.
     */
    SagaDefinition<String> pivotWithoutUndo() {
        return SagaDefinition.<String>named("NoUndo")
                .defaultTimeout(TIMEOUT)
                .compensationRetry(RetryPolicy.exponential(3, Duration.ofSeconds(1), Duration.ofSeconds(4)))
                .step("reserve_stock", COMPENSATABLE)
                    .invoke(id -> new Command(Channels.INVENTORY_COMMANDS, ShopSaga.reserve(id)))
                    .onReply(StockReserved.class, (id, r) -> Outcome.success(id))
                    .onReply(StockUnavailable.class, (id, r) -> Outcome.failure("stock unavailable: " + r.getReason()))
                    .withCompensation(id -> new Command(Channels.INVENTORY_COMMANDS, ShopSaga.release(id)),
                            StockReleased.class)
                .step("create_shipment", PIVOT)
                    .invoke(id -> new Command(Channels.FULFILLMENT_COMMANDS, ShopSaga.ship(id)))
                    .onReply(ShipmentCreated.class, (id, r) -> Outcome.success(id))
                    .onReply(ShipmentRejected.class, (id, r) -> Outcome.failure("rejected: " + r.getReason()))
                .step("capture_payment", RETRIABLE)
                    .invoke(id -> new Command(Channels.PAYMENT_COMMANDS, ShopSaga.capture(id)))
                    .onReply(PaymentCaptured.class, (id, r) -> Outcome.success(id))
                    .retry(RetryPolicy.exponential(2, RETRY_BACKOFF, Duration.ofSeconds(2)))
                .step("record_sale", RETRIABLE)
                    .local((tx, id) -> {
                        if (recordFailures > 0) {
                            recordFailures--;
                            log.add("not recorded");
                            return Outcome.failure("ledger locked");
                        }
                        log.add("recorded");
                        return Outcome.success(id);
                    })
                    .retry(RetryPolicy.exponential(2, RETRY_BACKOFF, Duration.ofSeconds(2)))
                .onCompleted((tx, id) -> log.add("completed"))
                .onCompensated((tx, id, failure) -> log.add("compensated (" + failure.kind() + ")"))
                .onRequestRefused((tx, id, request, why) -> log.add("refused " + request + ": " + why))
                .build();
    }

    /** A local confirmation (undone locally), the reservation, then the capture: no pivot at all. */
    SagaDefinition<String> pivotless() {
        return SagaDefinition.<String>named("Pivotless")
                .defaultTimeout(TIMEOUT)
                .compensationRetry(RetryPolicy.exponential(3, Duration.ofSeconds(1), Duration.ofSeconds(4)))
                .step("confirm_order", COMPENSATABLE)
                    .local((tx, id) -> {
                        log.add(confirms ? "confirmed" : "not confirmed");
                        return confirms ? Outcome.success(id) : Outcome.failure("order changed");
                    })
                    .withLocalCompensation((tx, id, why) -> log.add("unconfirmed (" + why.kind() + ")"))
                .step("reserve_stock", COMPENSATABLE)
                    .invoke(id -> new Command(Channels.INVENTORY_COMMANDS, ShopSaga.reserve(id)))
                    .onReply(StockReserved.class, (id, r) -> Outcome.success(id))
                    .onReply(StockUnavailable.class, (id, r) -> Outcome.failure("stock unavailable: " + r.getReason()))
                    .withCompensation(id -> new Command(Channels.INVENTORY_COMMANDS, ShopSaga.release(id)),
                            StockReleased.class)
                .step("capture_payment", RETRIABLE)
                    .invoke(id -> new Command(Channels.PAYMENT_COMMANDS, ShopSaga.capture(id)))
                    .onReply(PaymentCaptured.class, (id, r) -> Outcome.success(id))
                    .onReply(PaymentCaptureFailed.class, (id, r) -> Outcome.failure("capture failed: " + r.getReason()))
                    .retry(RetryPolicy.exponential(2, RETRY_BACKOFF, Duration.ofSeconds(2)))
                .onCompleted((tx, id) -> log.add("completed"))
                .onCompensated((tx, id, failure) -> log.add("compensated (" + failure.kind() + ")"))
                .build();
    }
}
