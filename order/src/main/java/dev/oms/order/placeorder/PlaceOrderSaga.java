package dev.oms.order.placeorder;

import static dev.oms.saga.StepKind.COMPENSATABLE;
import static dev.oms.saga.StepKind.PIVOT;
import static dev.oms.saga.StepKind.RETRIABLE;

import dev.oms.contracts.fulfillment.v1.ShipmentCancelRefused;
import dev.oms.contracts.fulfillment.v1.ShipmentCancelled;
import dev.oms.contracts.fulfillment.v1.ShipmentCreated;
import dev.oms.contracts.fulfillment.v1.ShipmentRejected;
import dev.oms.contracts.inventory.v1.StockCommitted;
import dev.oms.contracts.inventory.v1.StockReleased;
import dev.oms.contracts.inventory.v1.Allocation;
import dev.oms.contracts.inventory.v2.StockReserved;
import dev.oms.contracts.inventory.v1.StockUnavailable;
import dev.oms.contracts.notification.v1.NotificationSent;
import dev.oms.contracts.order.v1.PlaceOrderSagaData;
import dev.oms.contracts.payment.v1.AuthorizationVoided;
import dev.oms.contracts.payment.v1.PaymentAuthorized;
import dev.oms.contracts.payment.v1.PaymentCaptureFailed;
import dev.oms.contracts.payment.v1.PaymentCaptured;
import dev.oms.contracts.payment.v1.PaymentDeclined;
import dev.oms.order.adapters.OrderTransitions;
import dev.oms.messaging.TransactionContext;
import dev.oms.order.domain.Order;
import dev.oms.order.domain.PlacementFailure;
import dev.oms.saga.Outcome;
import dev.oms.saga.SagaDefinition;
import dev.oms.saga.SagaFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The PlaceOrder saga, step for step as in the design's table: stock and payment are undone in reverse
 * order if a later step before the pivot fails; once the shipment exists, capture, stock commit and the
 * customer notification are retried until they succeed. The shipment's compensation (CancelShipment) runs only
 * when a cancellation waited for the shipment's answer and it was created, or it was created late; the warehouse
 * refuses it once the parcel has left.
 */
public final class PlaceOrderSaga {
    public static final String NAME = "PlaceOrder";
    /**
     * Told when a cancellation that waited for the shipment's answer cannot be done after all: the shipment was
     * created and had left before it could be cancelled, so the order goes on.
     */
    @FunctionalInterface
    public interface Refusals {
        void refused(TransactionContext tx, String orderId, String why) throws Exception;
    }

    private PlaceOrderSaga() {}

    public static SagaDefinition<PlaceOrderSagaData> definition(OrderTransitions orders, Refusals refusals,
                                                                Duration stepTimeout) {
        return SagaDefinition.<PlaceOrderSagaData>named(NAME)
                .defaultTimeout(stepTimeout)
                .step("reserve_stock", COMPENSATABLE)
                    .invoke(PlaceOrderCommands::reserveStock)
                    .onReply(StockReserved.class, (data, r) -> Outcome.success(
                            data.toBuilder().clearAllocations().addAllAllocations(allocations(r)).build()))
                    .onReply(StockUnavailable.class, (data, r) -> Outcome.failure("stock unavailable: " + r.getReason()))
                    .withCompensation(PlaceOrderCommands::releaseStock, StockReleased.class)
                .step("authorize_payment", COMPENSATABLE)
                    .invoke(PlaceOrderCommands::authorizePayment)
                    .onReply(PaymentAuthorized.class, (data, r) -> Outcome.success(
                            data.toBuilder().setPaymentId(r.getPaymentId()).build()))
                    .onReply(PaymentDeclined.class, (data, r) -> Outcome.failure("payment declined: " + r.getCode()))
                    .withCompensation(PlaceOrderCommands::voidAuthorization, AuthorizationVoided.class)
                .step("confirm_order", COMPENSATABLE)
                    .local((tx, data) -> orders.apply(tx, orderId(data), Order::confirm)
                            ? Outcome.success(data)
                            : Outcome.failure("order can no longer be confirmed"))
                    .withLocalCompensation((tx, data, why) ->
                            orders.apply(tx, orderId(data), order -> order.placementUndone(placementFailure(why))))
                .step("create_shipment", PIVOT)
                    .invoke(PlaceOrderCommands::createShipment)
                    .onReply(ShipmentCreated.class, (data, r) -> Outcome.success(data))
                    .onReply(ShipmentRejected.class, (data, r) -> Outcome.failure("shipment rejected: " + r.getReason()))
                    .withCompensation(PlaceOrderCommands::cancelShipment, ShipmentCancelled.class)
                    .compensationRefusedBy(ShipmentCancelRefused.class)
                .step("capture_payment", RETRIABLE)
                    .invoke(PlaceOrderCommands::capturePayment)
                    .onReply(PaymentCaptured.class, (data, r) -> Outcome.success(data))
                    .onReply(PaymentCaptureFailed.class, (data, r) -> Outcome.failure("capture failed: " + r.getReason()))
                .step("commit_stock", RETRIABLE)
                    .invoke(PlaceOrderCommands::commitStock)
                    .onReply(StockCommitted.class, (data, r) -> Outcome.success(data))
                .step("notify_customer", RETRIABLE)
                    .invoke(PlaceOrderCommands::notifyCustomer)
                    .onReply(NotificationSent.class, (data, r) -> Outcome.success(data))
                .onCompensated((tx, data, why) ->
                        orders.apply(tx, orderId(data), order -> order.placementUndone(placementFailure(why))))
                .onRequestRefused((tx, data, request, why) -> refusals.refused(tx, orderId(data), why))
                .build();
    }

    /** A compensation somebody asked for cancels the order; one a step forced on it rejects (or cancels) it. */
    private static PlacementFailure placementFailure(SagaFailure why) {
        return why.requested() ? new PlacementFailure.CancelledOnRequest(why.reason()) : new PlacementFailure.Refused(why.reason());
    }

    public static String orderIdOf(PlaceOrderSagaData data) {
        return orderId(data);
    }

    static String orderId(PlaceOrderSagaData data) {
        return data.getCheckout().getOrderId();
    }

    private static List<Allocation> allocations(StockReserved reserved) {
        List<Allocation> allocations = new ArrayList<>();
        reserved.getWarehousesList().forEach(warehouse -> warehouse.getLinesList().forEach(line ->
                allocations.add(Allocation.newBuilder().setSku(line.getSku()).setWarehouse(warehouse.getWarehouse())
                        .setQuantity(line.getQuantity()).build())));
        return allocations;
    }
}
