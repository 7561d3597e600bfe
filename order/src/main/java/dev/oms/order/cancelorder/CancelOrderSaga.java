package dev.oms.order.cancelorder;

import static dev.oms.saga.StepKind.PIVOT;
import static dev.oms.saga.StepKind.RETRIABLE;

import dev.oms.contracts.Channels;
import dev.oms.contracts.fulfillment.v1.CancelShipment;
import dev.oms.contracts.fulfillment.v1.ShipmentCancelRefused;
import dev.oms.contracts.fulfillment.v1.ShipmentCancelled;
import dev.oms.contracts.inventory.v1.ReleaseStock;
import dev.oms.contracts.inventory.v1.StockReleased;
import dev.oms.contracts.order.v1.CancelOrderSagaData;
import dev.oms.contracts.payment.v1.AuthorizationVoided;
import dev.oms.contracts.payment.v1.PaymentRefunded;
import dev.oms.contracts.payment.v1.RefundPayment;
import dev.oms.order.adapters.OrderTransitions;
import dev.oms.saga.Command;
import dev.oms.saga.Outcome;
import dev.oms.saga.SagaDefinition;
import java.time.Duration;

/**
 * A customer's cancellation of a placed order that has not shipped. The shipment's cancellation is the
 * pivot: if the parcel already left, nothing changes; once it is cancelled, the money goes back and the
 * stock returns, retried until they succeed.
 */
public final class CancelOrderSaga {
    public static final String NAME = "CancelOrder";

    private CancelOrderSaga() {}

    public static SagaDefinition<CancelOrderSagaData> definition(OrderTransitions orders, Duration stepTimeout) {
        return SagaDefinition.<CancelOrderSagaData>named(NAME)
                .defaultTimeout(stepTimeout)
                .step("cancel_shipment", PIVOT)
                    .invoke(data -> new Command(Channels.FULFILLMENT_COMMANDS,
                            CancelShipment.newBuilder().setOrderId(data.getOrderId()).setReason(data.getReason()).build()))
                    .onReply(ShipmentCancelled.class, (data, r) -> Outcome.success(data))
                    .onReply(ShipmentCancelRefused.class, (data, r) -> Outcome.failure("too late: " + r.getReason()))
                .step("refund_payment", RETRIABLE)
                    .invoke(data -> new Command(Channels.PAYMENT_COMMANDS,
                            RefundPayment.newBuilder().setOrderId(data.getOrderId()).setReason(data.getReason()).build()))
                    .onReply(PaymentRefunded.class, (data, r) -> Outcome.success(data))
                    .onReply(AuthorizationVoided.class, (data, r) -> Outcome.success(data))
                .step("release_stock", RETRIABLE)
                    .invoke(data -> new Command(Channels.INVENTORY_COMMANDS,
                            ReleaseStock.newBuilder().setOrderId(data.getOrderId()).setReason("order cancelled").build()))
                    .onReply(StockReleased.class, (data, r) -> Outcome.success(data))
                .step("mark_cancelled", RETRIABLE)
                    .local((tx, data) -> {
                        orders.apply(tx, data.getOrderId(), order -> order.cancel(data.getReason()));
                        return Outcome.success(data);
                    })
                .build();
    }

    public static String orderIdOf(CancelOrderSagaData data) {
        return data.getOrderId();
    }
}
