package dev.oms.order;

import static dev.oms.order.OrderServiceFixture.allocation;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import dev.oms.contracts.fulfillment.v1.CancelShipment;
import dev.oms.contracts.fulfillment.v1.CreateShipment;
import dev.oms.contracts.fulfillment.v1.Shipment;
import dev.oms.contracts.fulfillment.v1.ShipmentCreated;
import dev.oms.contracts.fulfillment.v1.ShipmentRejected;
import dev.oms.contracts.fulfillment.v1.ShipmentStatusChanged;
import dev.oms.contracts.inventory.v1.CommitStock;
import dev.oms.contracts.inventory.v1.ReleaseStock;
import dev.oms.contracts.inventory.v1.ReserveStock;
import dev.oms.contracts.inventory.v1.StockCommitted;
import dev.oms.contracts.inventory.v1.StockReleased;
import dev.oms.contracts.inventory.v1.StockReserved;
import dev.oms.contracts.inventory.v2.ReservedLine;
import dev.oms.contracts.inventory.v2.WarehouseReservation;
import dev.oms.contracts.inventory.v1.StockUnavailable;
import dev.oms.contracts.notification.v1.NotificationSent;
import dev.oms.contracts.notification.v1.SendNotification;
import dev.oms.contracts.order.v1.SagaUpdated;
import dev.oms.contracts.payment.v1.AuthorizationVoided;
import dev.oms.contracts.payment.v1.AuthorizePayment;
import dev.oms.contracts.payment.v1.CapturePayment;
import dev.oms.contracts.payment.v1.PaymentAuthorized;
import dev.oms.contracts.payment.v1.PaymentCaptured;
import dev.oms.contracts.payment.v1.PaymentDeclined;
import dev.oms.contracts.payment.v1.VoidAuthorization;
import dev.oms.messaging.testing.OutboxReader;
import dev.oms.order.placeorder.PlaceOrderSaga;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scripted: given a saga, expect this command to that participant; given this reply, expect the next. */
class PlaceOrderSagaIT {
    private static OrderServiceFixture orders;

    private String orderId;
    private String sagaId;

    @BeforeAll
    static void startService() {
        orders = new OrderServiceFixture("placeorder");
    }

    @AfterAll
    static void stop() {
        orders.close();
    }

    @BeforeEach
    void placeOrder() {
        OutboxReader.clear(orders.dataSource);
        orderId = orders.checkout();
        sagaId = saga().getSagaId();
    }

    @Test
    void checkoutStartsTheSagaByReservingStock() {
        ReserveStock reserve = orders.expect(orderId, ReserveStock.class);
        assertThat(reserve.getItemsList()).extracting(i -> i.getSku() + "x" + i.getQuantity()).containsExactly("SKU-1x2");
        assertThat(saga().getStatus()).isEqualTo("RUNNING");
    }

    /** Replies with StockReserved v1, as an inventory service not yet upgraded sends it: upcast on the way in. */
    @Test
    void completesTheHappyPathStepByStep() {
        reply(StockReserved.newBuilder().setOrderId(orderId).addAllocations(allocation()).build());
        orders.expect(orderId, AuthorizePayment.class);
        reply(PaymentAuthorized.newBuilder().setOrderId(orderId).setPaymentId("p-1").build());
        assertThat(orders.statusChanges(orderId)).contains("CONFIRMED");
        assertThat(orders.expect(orderId, CreateShipment.class).getLinesList()).extracting(l -> l.getWarehouse())
                .containsExactly("WH-EAST");
        reply(ShipmentCreated.newBuilder().setOrderId(orderId).addShipments(Shipment.newBuilder().setShipmentId("s-1")).build());
        assertThat(orders.statusChanges(orderId)).contains("FULFILLING");
        orders.expect(orderId, CapturePayment.class);
        reply(PaymentCaptured.newBuilder().setOrderId(orderId).build());
        orders.expect(orderId, CommitStock.class);
        reply(StockCommitted.newBuilder().setOrderId(orderId).build());
        assertThat(orders.expect(orderId, SendNotification.class).getDedupKey()).contains(orderId);
        reply(NotificationSent.newBuilder().setOrderId(orderId).build());

        assertThat(saga().getStatus()).isEqualTo("COMPLETED");
        assertThat(saga().getStepsList()).extracting(s -> s.getStatus()).containsOnly("SUCCEEDED");
    }

    @Test
    void readsTheCurrentStockReservedAndShipsFromEachWarehouseItNames() {
        reply(dev.oms.contracts.inventory.v2.StockReserved.newBuilder().setOrderId(orderId)
                .addWarehouses(WarehouseReservation.newBuilder().setWarehouse("WH-EAST")
                        .addLines(ReservedLine.newBuilder().setSku("SKU-1").setQuantity(1)))
                .addWarehouses(WarehouseReservation.newBuilder().setWarehouse("WH-WEST")
                        .addLines(ReservedLine.newBuilder().setSku("SKU-1").setQuantity(1)))
                .build());
        reply(PaymentAuthorized.newBuilder().setOrderId(orderId).setPaymentId("p-1").build());

        assertThat(orders.expect(orderId, CreateShipment.class).getLinesList())
                .extracting(l -> l.getWarehouse() + ":" + l.getSku() + "x" + l.getQuantity())
                .containsExactly("WH-EAST:SKU-1x1", "WH-WEST:SKU-1x1");
    }

    @Test
    void rejectsOrderWhenStockRunsOutWithoutTouchingPayment() {
        reply(StockUnavailable.newBuilder().setOrderId(orderId).setReason("SKU-1 short").build());

        assertThat(orders.statusChanges(orderId)).containsExactly("REJECTED");
        assertThat(orders.emitted(orderId, AuthorizePayment.class)).isEmpty();
        assertThat(orders.emitted(orderId, ReleaseStock.class)).isEmpty();
        assertThat(saga().getStatus()).isEqualTo("COMPENSATED");
    }

    @Test
    void releasesReservationWhenPaymentDeclines() {
        reply(StockReserved.newBuilder().setOrderId(orderId).addAllocations(allocation()).build());
        reply(PaymentDeclined.newBuilder().setOrderId(orderId).setCode("card_declined").build());

        orders.expect(orderId, ReleaseStock.class);
        assertThat(saga().getStatus()).isEqualTo("COMPENSATING");
        reply(StockReleased.newBuilder().setOrderId(orderId).build());

        assertThat(orders.statusChanges(orderId)).containsExactly("REJECTED");
        assertThat(saga().getStatus()).isEqualTo("COMPENSATED");
    }

    @Test
    void undoesEverythingInReverseWhenTheShipmentIsRejected() {
        reply(StockReserved.newBuilder().setOrderId(orderId).addAllocations(allocation()).build());
        reply(PaymentAuthorized.newBuilder().setOrderId(orderId).setPaymentId("p-1").build());
        OutboxReader.clear(orders.dataSource);
        reply(ShipmentRejected.newBuilder().setOrderId(orderId).setReason("no carrier").build());

        assertThat(orders.statusChanges(orderId)).containsExactly("CANCELLED");
        orders.expect(orderId, VoidAuthorization.class);
        assertThat(orders.emitted(orderId, ReleaseStock.class)).isEmpty();
        reply(AuthorizationVoided.newBuilder().setOrderId(orderId).build());
        orders.expect(orderId, ReleaseStock.class);
        reply(StockReleased.newBuilder().setOrderId(orderId).build());

        assertThat(saga().getStatus()).isEqualTo("COMPENSATED");
        assertThat(orders.emitted(orderId, CancelShipment.class)).isEmpty();
    }

    @Test
    void ignoresARepliedTwiceOrLateReply() {
        reply(StockReserved.newBuilder().setOrderId(orderId).addAllocations(allocation()).build());
        int before = orders.emitted(orderId, AuthorizePayment.class).size();

        reply(StockReserved.newBuilder().setOrderId(orderId).addAllocations(allocation()).build());
        reply(StockUnavailable.newBuilder().setOrderId(orderId).build());

        assertThat(orders.emitted(orderId, AuthorizePayment.class)).hasSize(before);
        assertThat(saga().getStatus()).isEqualTo("RUNNING");
    }

    @Test
    void followsShipmentsToDelivered() {
        reply(StockReserved.newBuilder().setOrderId(orderId).addAllocations(allocation()).build());
        reply(PaymentAuthorized.newBuilder().setOrderId(orderId).setPaymentId("p-1").build());
        reply(ShipmentCreated.newBuilder().setOrderId(orderId).build());

        deliver(progress("PICKED", true));
        deliver(progress("SHIPPED", false));
        assertThat(orders.statusChanges(orderId)).doesNotContain("SHIPPED");
        deliver(progress("SHIPPED", true));
        deliver(progress("DELIVERED", true));

        assertThat(orders.statusChanges(orderId)).containsSubsequence("CONFIRMED", "FULFILLING", "SHIPPED", "DELIVERED");
    }

    private ShipmentStatusChanged progress(String status, boolean all) {
        return ShipmentStatusChanged.newBuilder().setOrderId(orderId)
                .setShipment(Shipment.newBuilder().setShipmentId("s-1").setWarehouse("WH-EAST").setStatus(status))
                .setAllShipments(all).build();
    }

    private void reply(Message reply) {
        orders.deliver(orderId, sagaId, reply);
    }

    private void deliver(Message event) {
        orders.deliver(orderId, null, event);
    }

    private SagaUpdated saga() {
        return orders.saga(orderId, PlaceOrderSaga.NAME);
    }
}
