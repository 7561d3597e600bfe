package dev.oms.order;

import static dev.oms.order.OrderServiceFixture.allocation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oms.contracts.fulfillment.v1.CancelShipment;
import dev.oms.contracts.fulfillment.v1.Shipment;
import dev.oms.contracts.fulfillment.v1.ShipmentCancelRefused;
import dev.oms.contracts.fulfillment.v1.ShipmentCancelled;
import dev.oms.contracts.fulfillment.v1.ShipmentCreated;
import dev.oms.contracts.fulfillment.v1.ShipmentStatusChanged;
import dev.oms.contracts.inventory.v1.ReleaseStock;
import dev.oms.contracts.inventory.v1.StockCommitted;
import dev.oms.contracts.inventory.v1.StockReleased;
import dev.oms.contracts.inventory.v1.StockReserved;
import dev.oms.contracts.notification.v1.NotificationSent;
import dev.oms.contracts.payment.v1.AuthorizationVoided;
import dev.oms.contracts.payment.v1.PaymentAuthorized;
import dev.oms.contracts.payment.v1.PaymentCaptured;
import dev.oms.contracts.payment.v1.PaymentRefunded;
import dev.oms.contracts.payment.v1.RefundPayment;
import dev.oms.contracts.payment.v1.VoidAuthorization;
import dev.oms.order.api.CancelResult;
import dev.oms.order.api.OrderError;
import dev.oms.order.cancelorder.CancelOrderSaga;
import dev.oms.order.placeorder.PlaceOrderSaga;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A customer cancels: before the pivot, after the order is placed, and too late. */
class CancellationIT {
    private static OrderServiceFixture orders;

    @BeforeAll
    static void startService() {
        orders = new OrderServiceFixture("cancellation");
    }

    @AfterAll
    static void stop() {
        orders.close();
    }

    @Test
    void cancellingWhilePaymentIsPendingUndoesTheSagaAndEndsCancelled() {
        String orderId = orders.checkout();
        String saga = placeOrderSaga(orderId);
        orders.deliver(orderId, saga, StockReserved.newBuilder().setOrderId(orderId).addAllocations(allocation()).build());

        CancelResult result = orders.service.cancel(orderId, "changed my mind", key());

        assertThat(result.error()).isNull();
        orders.expect(orderId, VoidAuthorization.class);
        orders.deliver(orderId, saga, AuthorizationVoided.newBuilder().setOrderId(orderId).build());
        orders.deliver(orderId, saga, StockReleased.newBuilder().setOrderId(orderId).build());
        assertThat(orders.statusChanges(orderId)).containsExactly("CANCELLED");
    }

    @Test
    void cancellingAPlacedOrderCancelsTheShipmentRefundsAndReleasesStock() {
        String orderId = placedOrder();

        CancelResult result = orders.service.cancel(orderId, "too slow", key());

        assertThat(result.status()).isEqualTo("FULFILLING");
        String saga = orders.saga(orderId, CancelOrderSaga.NAME).getSagaId();
        orders.expect(orderId, CancelShipment.class);
        orders.deliver(orderId, saga, ShipmentCancelled.newBuilder().setOrderId(orderId).build());
        orders.expect(orderId, RefundPayment.class);
        orders.deliver(orderId, saga, PaymentRefunded.newBuilder().setOrderId(orderId).build());
        orders.expect(orderId, ReleaseStock.class);
        orders.deliver(orderId, saga, StockReleased.newBuilder().setOrderId(orderId).build());

        assertThat(orders.saga(orderId, CancelOrderSaga.NAME).getStatus()).isEqualTo("COMPLETED");
        assertThat(orders.statusChanges(orderId)).last().isEqualTo("CANCELLED");
    }

    @Test
    void aParcelThatLeftBeforeTheCancellationArrivedKeepsTheOrder() {
        String orderId = placedOrder();
        orders.service.cancel(orderId, "too slow", key());
        String saga = orders.saga(orderId, CancelOrderSaga.NAME).getSagaId();

        orders.deliver(orderId, saga, ShipmentCancelRefused.newBuilder().setOrderId(orderId).setReason("shipped").build());

        assertThat(orders.saga(orderId, CancelOrderSaga.NAME).getStatus()).isEqualTo("COMPENSATED");
        assertThat(orders.emitted(orderId, RefundPayment.class)).isEmpty();
        assertThat(orders.statusChanges(orderId)).doesNotContain("CANCELLED");
    }

    @Test
    void aShippedOrderCannotBeCancelled() {
        String orderId = placedOrder();
        orders.deliver(orderId, null, ShipmentStatusChanged.newBuilder().setOrderId(orderId)
                .setShipment(Shipment.newBuilder().setShipmentId("s").setStatus("SHIPPED")).setAllShipments(true).build());

        CancelResult result = orders.service.cancel(orderId, "too late", key());

        assertThat(result.error().code()).isEqualTo(OrderError.ORDER_ALREADY_SHIPPED);
        assertThat(orders.emitted(orderId, CancelShipment.class)).isEmpty();
    }

    @Test
    void theSameKeyGetsTheSameAnswerAndAnotherOrderCannotReuseIt() {
        String orderId = placedOrder();
        String key = key();

        CancelResult first = orders.service.cancel(orderId, "x", key);
        CancelResult again = orders.service.cancel(orderId, "x", key);

        assertThat(again).isEqualTo(first);
        assertThat(orders.emitted(orderId, CancelShipment.class)).hasSize(1);
        assertThat(orders.service.cancel(placedOrder(), "x", key).error().code())
                .isEqualTo(OrderError.IDEMPOTENCY_KEY_REUSED);
        assertThat(orders.service.cancel(UUID.randomUUID().toString(), "x", key()).error().code())
                .isEqualTo(OrderError.ORDER_NOT_FOUND);
    }

    private String placedOrder() {
        String orderId = orders.checkout();
        String saga = placeOrderSaga(orderId);
        orders.deliver(orderId, saga, StockReserved.newBuilder().setOrderId(orderId).addAllocations(allocation()).build());
        orders.deliver(orderId, saga, PaymentAuthorized.newBuilder().setOrderId(orderId).setPaymentId("p").build());
        orders.deliver(orderId, saga, ShipmentCreated.newBuilder().setOrderId(orderId).build());
        orders.deliver(orderId, saga, PaymentCaptured.newBuilder().setOrderId(orderId).build());
        orders.deliver(orderId, saga, StockCommitted.newBuilder().setOrderId(orderId).build());
        orders.deliver(orderId, saga, NotificationSent.newBuilder().setOrderId(orderId).build());
        assertThat(orders.saga(orderId, PlaceOrderSaga.NAME).getStatus()).isEqualTo("COMPLETED");
        return orderId;
    }

    private static String placeOrderSaga(String orderId) {
        return orders.saga(orderId, PlaceOrderSaga.NAME).getSagaId();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }
}
