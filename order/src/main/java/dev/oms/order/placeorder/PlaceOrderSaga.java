package dev.oms.order.placeorder;

import static dev.oms.saga.StepKind.COMPENSATABLE;
import static dev.oms.saga.StepKind.PIVOT;
import static dev.oms.saga.StepKind.RETRIABLE;

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
import dev.oms.order.domain.OrderStatus;
import dev.oms.saga.Outcome;
import dev.oms.saga.SagaDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The PlaceOrder saga, step for step as in the design's table: stock and payment are undone in reverse
 * order if a later step before the pivot fails; once the shipment exists, capture, stock commit and the
 * customer notification are retried until they succeed.
 */
public final class PlaceOrderSaga {
    public static final String NAME = "PlaceOrder";
    /** The failure a customer's cancellation gives a running saga: it ends CANCELLED, not REJECTED. */
    public static final String CANCELLED_BY_CUSTOMER = "cancelled by customer";

    private PlaceOrderSaga() {}

    public static SagaDefinition<PlaceOrderSagaData> definition(OrderTransitions orders, Duration stepTimeout) {
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
                    .local((tx, data) -> orders.moveIfAllowed(tx, orderId(data), OrderStatus.CONFIRMED, null)
                            ? Outcome.success(data)
                            : Outcome.failure("order can no longer be confirmed"))
                    .withLocalCompensation((tx, data) ->
                            orders.moveIfAllowed(tx, orderId(data), OrderStatus.CANCELLED, "fulfillment refused the order"))
                .step("create_shipment", PIVOT)
                    .invoke(PlaceOrderCommands::createShipment)
                    .onReply(ShipmentCreated.class, (data, r) -> Outcome.success(data))
                    .onReply(ShipmentRejected.class, (data, r) -> Outcome.failure("shipment rejected: " + r.getReason()))
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
                .onCompensated((tx, data, failure) -> orders.moveIfAllowed(tx, orderId(data),
                        failure != null && failure.startsWith(CANCELLED_BY_CUSTOMER) ? OrderStatus.CANCELLED : OrderStatus.REJECTED,
                        failure))
                .build();
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
