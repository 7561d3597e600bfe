package dev.oms.saga;

import static dev.oms.saga.StepKind.COMPENSATABLE;
import static dev.oms.saga.StepKind.PIVOT;
import static dev.oms.saga.StepKind.RETRIABLE;

import dev.oms.contracts.Channels;
import dev.oms.contracts.fulfillment.v1.CancelShipment;
import dev.oms.contracts.fulfillment.v1.CreateShipment;
import dev.oms.contracts.fulfillment.v1.ShipmentCancelRefused;
import dev.oms.contracts.fulfillment.v1.ShipmentCancelled;
import dev.oms.contracts.fulfillment.v1.ShipmentCreated;
import dev.oms.contracts.fulfillment.v1.ShipmentRejected;
import dev.oms.contracts.inventory.v1.ReleaseStock;
import dev.oms.contracts.inventory.v1.ReserveStock;
import dev.oms.contracts.inventory.v1.StockReleased;
import dev.oms.contracts.inventory.v1.StockUnavailable;
import dev.oms.contracts.inventory.v2.StockReserved;
import dev.oms.contracts.payment.v1.AuthorizationVoided;
import dev.oms.contracts.payment.v1.AuthorizePayment;
import dev.oms.contracts.payment.v1.CapturePayment;
import dev.oms.contracts.payment.v1.PaymentAuthorized;
import dev.oms.contracts.payment.v1.PaymentCaptureFailed;
import dev.oms.contracts.payment.v1.PaymentCaptured;
import dev.oms.contracts.payment.v1.PaymentDeclined;
import dev.oms.contracts.payment.v1.VoidAuthorization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A saga shaped like PlaceOrder, on the real contracts, for scripted engine tests: two compensatable remote steps (the
 * reservation sent once, the authorization twice before it counts as timed out), a local one, a pivot whose undo its
 * participant may refuse, and a retriable step with a budget of two. Compensations are sent up to three times. Its
 * data is the order id; what its local step and terminal hooks did is kept in {@link #log}.
 */
final class ShopSaga {
    static final String ORDER = "order-1";
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final Duration COMPENSATION_BACKOFF = Duration.ofSeconds(1);
    /** authorize_payment is sent twice before it counts as timed out (reserve_stock once: the default). */
    static final Duration AUTHORIZE_BACKOFF = Duration.ofSeconds(1);
    /** capture_payment's budget is two attempts, 1 s then 2 s apart (and 2 s from then on). */
    static final Duration CAPTURE_BACKOFF = Duration.ofSeconds(1);
    /** create_shipment keeps the default of a step from the pivot on: 10 attempts, 0.5 s doubling up to 60 s. */
    static final Duration SHIPMENT_BACKOFF = Duration.ofMillis(500);

    final List<String> log = new ArrayList<>();
    /** Whether the local step confirms the order (false: it fails, as when the order was changed meanwhile). */
    boolean confirms = true;

    SagaDefinition<String> definition() {
        return SagaDefinition.<String>named("Shop")
                .defaultTimeout(TIMEOUT)
                .compensationRetry(RetryPolicy.exponential(3, COMPENSATION_BACKOFF, Duration.ofSeconds(4)))
                .step("reserve_stock", COMPENSATABLE)
                    .invoke(id -> new Command(Channels.INVENTORY_COMMANDS, reserve(id)))
                    .onReply(StockReserved.class, (id, r) -> Outcome.success(id))
                    .onReply(StockUnavailable.class, (id, r) -> Outcome.failure("stock unavailable: " + r.getReason()))
                    .withCompensation(id -> new Command(Channels.INVENTORY_COMMANDS, release(id)), StockReleased.class)
                .step("authorize_payment", COMPENSATABLE)
                    .invoke(id -> new Command(Channels.PAYMENT_COMMANDS, authorize(id)))
                    .onReply(PaymentAuthorized.class, (id, r) -> Outcome.success(id))
                    .onReply(PaymentDeclined.class, (id, r) -> Outcome.failure("declined: " + r.getCode()))
                    .withCompensation(id -> new Command(Channels.PAYMENT_COMMANDS, voidIt(id)), AuthorizationVoided.class)
                    .retry(RetryPolicy.exponential(2, AUTHORIZE_BACKOFF, Duration.ofSeconds(2)))
                .step("confirm_order", COMPENSATABLE)
                    .local((tx, id) -> {
                        log.add(confirms ? "confirmed" : "not confirmed");
                        return confirms ? Outcome.success(id) : Outcome.failure("order changed");
                    })
                    .withLocalCompensation((tx, id, why) -> log.add("unconfirmed (" + why.kind() + ")"))
                .step("create_shipment", PIVOT)
                    .invoke(id -> new Command(Channels.FULFILLMENT_COMMANDS, ship(id)))
                    .onReply(ShipmentCreated.class, (id, r) -> Outcome.success(id))
                    .onReply(ShipmentRejected.class, (id, r) -> Outcome.failure("rejected: " + r.getReason()))
                    .withCompensation(id -> new Command(Channels.FULFILLMENT_COMMANDS, cancelShipment(id)),
                            ShipmentCancelled.class)
                    .compensationRefusedBy(ShipmentCancelRefused.class)
                .step("capture_payment", RETRIABLE)
                    .invoke(id -> new Command(Channels.PAYMENT_COMMANDS, capture(id)))
                    .onReply(PaymentCaptured.class, (id, r) -> Outcome.success(id))
                    .onReply(PaymentCaptureFailed.class, (id, r) -> Outcome.failure("capture failed: " + r.getReason()))
                    .retry(RetryPolicy.exponential(2, CAPTURE_BACKOFF, Duration.ofSeconds(2)))
                .onCompleted((tx, id) -> log.add("completed"))
                .onCompensated((tx, id, failure) -> log.add("compensated (" + failure.kind() + ")"))
                .onRequestRefused((tx, id, request, why) -> log.add("refused " + request + ": " + why))
                .build();
    }

    /** A new saga, its reservation sent. */
    SagaScript<String> started() {
        return SagaScript.given(definition())
                .start(ORDER, ORDER)
                .expectCommand(Channels.INVENTORY_COMMANDS, reserve(ORDER));
    }

    /** Stock reserved, the authorization sent. */
    SagaScript<String> waitingForAuthorization() {
        return started()
                .reply(reserved())
                .expectCommand(Channels.PAYMENT_COMMANDS, authorize(ORDER));
    }

    /** Payment authorized, the order confirmed, the shipment requested: the pivot in flight. */
    SagaScript<String> waitingForShipment() {
        return waitingForAuthorization()
                .reply(authorized())
                .expectCommand(Channels.FULFILLMENT_COMMANDS, ship(ORDER));
    }

    /** Past the pivot: the shipment created, the capture sent. */
    SagaScript<String> waitingForCapture() {
        return waitingForShipment()
                .reply(shipmentCreated())
                .expectCommand(Channels.PAYMENT_COMMANDS, capture(ORDER));
    }

    static ReserveStock reserve(String id) {
        return ReserveStock.newBuilder().setOrderId(id).build();
    }

    static ReleaseStock release(String id) {
        return ReleaseStock.newBuilder().setOrderId(id).setReason("order not placed").build();
    }

    static AuthorizePayment authorize(String id) {
        return AuthorizePayment.newBuilder().setOrderId(id).build();
    }

    static VoidAuthorization voidIt(String id) {
        return VoidAuthorization.newBuilder().setOrderId(id).setReason("order not placed").build();
    }

    static CreateShipment ship(String id) {
        return CreateShipment.newBuilder().setOrderId(id).build();
    }

    static CancelShipment cancelShipment(String id) {
        return CancelShipment.newBuilder().setOrderId(id).setReason("order not placed").build();
    }

    static CapturePayment capture(String id) {
        return CapturePayment.newBuilder().setOrderId(id).build();
    }

    static StockReserved reserved() {
        return StockReserved.newBuilder().setOrderId(ORDER).build();
    }

    static StockReleased released() {
        return StockReleased.newBuilder().setOrderId(ORDER).build();
    }

    static PaymentAuthorized authorized() {
        return PaymentAuthorized.newBuilder().setOrderId(ORDER).setPaymentId("pay-1").build();
    }

    static AuthorizationVoided voided() {
        return AuthorizationVoided.newBuilder().setOrderId(ORDER).build();
    }

    static ShipmentCreated shipmentCreated() {
        return ShipmentCreated.newBuilder().setOrderId(ORDER).build();
    }

    static ShipmentRejected shipmentRejected() {
        return ShipmentRejected.newBuilder().setOrderId(ORDER).setReason("no carrier").build();
    }

    static ShipmentCancelled shipmentCancelled() {
        return ShipmentCancelled.newBuilder().setOrderId(ORDER).build();
    }

    static ShipmentCancelRefused cancelRefused() {
        return ShipmentCancelRefused.newBuilder().setOrderId(ORDER).setReason("already shipped").build();
    }

    static StockUnavailable unavailable() {
        return StockUnavailable.newBuilder().setOrderId(ORDER).setReason("sold out").build();
    }

    static PaymentDeclined declined() {
        return PaymentDeclined.newBuilder().setOrderId(ORDER).setCode("insufficient_funds").build();
    }

    static PaymentCaptureFailed captureFailed() {
        return PaymentCaptureFailed.newBuilder().setOrderId(ORDER).setReason("provider timeout").build();
    }

    static PaymentCaptured captured() {
        return PaymentCaptured.newBuilder().setOrderId(ORDER).build();
    }
}
