package dev.oms.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import dev.oms.contracts.cart.v1.CheckoutCompleted;
import dev.oms.contracts.common.v1.Address;
import dev.oms.contracts.common.v1.Money;
import dev.oms.contracts.common.v1.OrderLine;
import dev.oms.contracts.fulfillment.v1.CancelShipment;
import dev.oms.contracts.fulfillment.v1.CreateShipment;
import dev.oms.contracts.fulfillment.v1.Shipment;
import dev.oms.contracts.fulfillment.v1.ShipmentCreated;
import dev.oms.contracts.fulfillment.v1.ShipmentRejected;
import dev.oms.contracts.fulfillment.v1.ShipmentStatusChanged;
import dev.oms.contracts.inventory.v1.Allocation;
import dev.oms.contracts.inventory.v1.CommitStock;
import dev.oms.contracts.inventory.v1.ReleaseStock;
import dev.oms.contracts.inventory.v1.ReserveStock;
import dev.oms.contracts.inventory.v1.StockCommitted;
import dev.oms.contracts.inventory.v1.StockReleased;
import dev.oms.contracts.inventory.v1.StockReserved;
import dev.oms.contracts.inventory.v1.StockUnavailable;
import dev.oms.contracts.notification.v1.NotificationSent;
import dev.oms.contracts.notification.v1.SendNotification;
import dev.oms.contracts.order.v1.OrderStatusChanged;
import dev.oms.contracts.order.v1.SagaUpdated;
import dev.oms.contracts.payment.v1.AuthorizationVoided;
import dev.oms.contracts.payment.v1.AuthorizePayment;
import dev.oms.contracts.payment.v1.CapturePayment;
import dev.oms.contracts.payment.v1.PaymentAuthorized;
import dev.oms.contracts.payment.v1.PaymentCaptured;
import dev.oms.contracts.payment.v1.PaymentDeclined;
import dev.oms.contracts.payment.v1.VoidAuthorization;
import dev.oms.infra.SharedTestInfra;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.ServiceRuntime;
import dev.oms.messaging.testing.OutboxReader;
import dev.oms.messaging.testing.OutboxReader.Emitted;
import dev.oms.messaging.testing.Stimulus;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scripted: given a saga, expect this command to that participant; given this reply, expect the next. */
class PlaceOrderSagaIT {
    private static ServiceRuntime runtime;
    private static OrderService service;
    private static DataSource dataSource;

    private String orderId;
    private String sagaId;

    @BeforeAll
    static void startService() {
        dataSource = SharedTestInfra.freshDatabase("order").dataSource("order-test", OrderService.NAME, 4);
        runtime = new ServiceRuntime(OrderService.NAME, dataSource, "127.0.0.1:9", Clock.systemUTC());
        runtime.migrate(OrderService.COMPONENTS);
        service = OrderService.register(runtime);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @BeforeEach
    void placeOrder() {
        OutboxReader.clear(dataSource);
        orderId = UUID.randomUUID().toString();
        deliver(null, checkout(orderId));
        sagaId = lastSaga().getSagaId();
    }

    @Test
    void checkoutStartsTheSagaByReservingStock() {
        ReserveStock reserve = expectCommand(ReserveStock.class);
        assertThat(reserve.getItemsList()).extracting(i -> i.getSku() + "x" + i.getQuantity()).containsExactly("SKU-1x2");
        assertThat(lastSaga().getStatus()).isEqualTo("RUNNING");
    }

    @Test
    void completesTheHappyPathStepByStep() {
        reply(StockReserved.newBuilder().setOrderId(orderId).addAllocations(allocation()).build());
        expectCommand(AuthorizePayment.class);
        reply(PaymentAuthorized.newBuilder().setOrderId(orderId).setPaymentId("p-1").build());
        assertThat(statusChanges()).contains("CONFIRMED");
        assertThat(expectCommand(CreateShipment.class).getLinesList()).extracting(l -> l.getWarehouse()).containsExactly("WH-EAST");
        reply(ShipmentCreated.newBuilder().setOrderId(orderId).addShipments(Shipment.newBuilder().setShipmentId("s-1")).build());
        assertThat(statusChanges()).contains("FULFILLING");
        expectCommand(CapturePayment.class);
        reply(PaymentCaptured.newBuilder().setOrderId(orderId).build());
        expectCommand(CommitStock.class);
        reply(StockCommitted.newBuilder().setOrderId(orderId).build());
        assertThat(expectCommand(SendNotification.class).getDedupKey()).contains(orderId);
        reply(NotificationSent.newBuilder().setOrderId(orderId).build());

        assertThat(lastSaga().getStatus()).isEqualTo("COMPLETED");
        assertThat(lastSaga().getStepsList()).extracting(s -> s.getStatus()).containsOnly("SUCCEEDED");
    }

    @Test
    void rejectsOrderWhenStockRunsOutWithoutTouchingPayment() {
        reply(StockUnavailable.newBuilder().setOrderId(orderId).setReason("SKU-1 short").build());

        assertThat(statusChanges()).containsExactly("REJECTED");
        assertThat(commandsOfType(AuthorizePayment.class)).isEmpty();
        assertThat(commandsOfType(ReleaseStock.class)).isEmpty();
        assertThat(lastSaga().getStatus()).isEqualTo("COMPENSATED");
    }

    @Test
    void releasesReservationWhenPaymentDeclines() {
        reply(StockReserved.newBuilder().setOrderId(orderId).addAllocations(allocation()).build());
        reply(PaymentDeclined.newBuilder().setOrderId(orderId).setCode("card_declined").build());

        expectCommand(ReleaseStock.class);
        assertThat(lastSaga().getStatus()).isEqualTo("COMPENSATING");
        reply(StockReleased.newBuilder().setOrderId(orderId).build());

        assertThat(statusChanges()).containsExactly("REJECTED");
        assertThat(lastSaga().getStatus()).isEqualTo("COMPENSATED");
    }

    @Test
    void undoesEverythingInReverseWhenTheShipmentIsRejected() {
        reply(StockReserved.newBuilder().setOrderId(orderId).addAllocations(allocation()).build());
        reply(PaymentAuthorized.newBuilder().setOrderId(orderId).setPaymentId("p-1").build());
        OutboxReader.clear(dataSource);
        reply(ShipmentRejected.newBuilder().setOrderId(orderId).setReason("no carrier").build());

        assertThat(statusChanges()).containsExactly("CANCELLED");
        expectCommand(VoidAuthorization.class);
        assertThat(commandsOfType(ReleaseStock.class)).isEmpty();
        reply(AuthorizationVoided.newBuilder().setOrderId(orderId).build());
        expectCommand(ReleaseStock.class);
        reply(StockReleased.newBuilder().setOrderId(orderId).build());

        assertThat(lastSaga().getStatus()).isEqualTo("COMPENSATED");
        assertThat(commandsOfType(CancelShipment.class)).isEmpty();
    }

    @Test
    void ignoresARepliedTwiceOrLateReply() {
        reply(StockReserved.newBuilder().setOrderId(orderId).addAllocations(allocation()).build());
        int before = commandsOfType(AuthorizePayment.class).size();

        reply(StockReserved.newBuilder().setOrderId(orderId).addAllocations(allocation()).build());
        reply(StockUnavailable.newBuilder().setOrderId(orderId).build());

        assertThat(commandsOfType(AuthorizePayment.class)).hasSize(before);
        assertThat(lastSaga().getStatus()).isEqualTo("RUNNING");
    }

    @Test
    void followsShipmentsToDelivered() {
        reply(StockReserved.newBuilder().setOrderId(orderId).addAllocations(allocation()).build());
        reply(PaymentAuthorized.newBuilder().setOrderId(orderId).setPaymentId("p-1").build());
        reply(ShipmentCreated.newBuilder().setOrderId(orderId).build());

        deliver(null, progress("PICKED", true));
        deliver(null, progress("SHIPPED", false));
        assertThat(statusChanges()).doesNotContain("SHIPPED");
        deliver(null, progress("SHIPPED", true));
        deliver(null, progress("DELIVERED", true));

        assertThat(statusChanges()).containsSubsequence("CONFIRMED", "FULFILLING", "SHIPPED", "DELIVERED");
    }

    private ShipmentStatusChanged progress(String status, boolean all) {
        return ShipmentStatusChanged.newBuilder().setOrderId(orderId)
                .setShipment(Shipment.newBuilder().setShipmentId("s-1").setWarehouse("WH-EAST").setStatus(status))
                .setAllShipments(all).build();
    }

    private static Allocation allocation() {
        return Allocation.newBuilder().setSku("SKU-1").setWarehouse("WH-EAST").setQuantity(2).build();
    }

    private static CheckoutCompleted checkout(String orderId) {
        return CheckoutCompleted.newBuilder()
                .setOrderId(orderId)
                .setCartId(UUID.randomUUID().toString())
                .setCustomerId("alice")
                .addLines(OrderLine.newBuilder().setSku("SKU-1").setQuantity(2)
                        .setUnitPrice(Money.newBuilder().setAmount(1250).setCurrency("EUR")))
                .setTotal(Money.newBuilder().setAmount(2500).setCurrency("EUR"))
                .setPaymentToken("sandbox_ok")
                .setShippingAddress(Address.newBuilder().setName("Ada").setLine1("1 Main St").setCity("Berlin")
                        .setPostalCode("10115").setCountry("DE"))
                .build();
    }

    private void reply(Message reply) {
        deliver(sagaId, reply);
    }

    private void deliver(String saga, Message payload) {
        IncomingMessage message = Stimulus.message(orderId, saga, payload);
        runtime.transactions().inTransaction(message.envelope(), tx -> {
            service.handle(message, tx);
            return null;
        });
    }

    private <T extends Message> T expectCommand(Class<T> type) {
        List<T> commands = commandsOfType(type);
        assertThat(commands).as("a %s was sent", type.getSimpleName()).isNotEmpty();
        return commands.get(commands.size() - 1);
    }

    private <T extends Message> List<T> commandsOfType(Class<T> type) {
        return OutboxReader.all(dataSource).stream()
                .filter(e -> orderId.equals(e.correlationId()))
                .map(Emitted::payload).filter(type::isInstance).map(type::cast).toList();
    }

    private List<String> statusChanges() {
        return commandsOfType(OrderStatusChanged.class).stream().map(OrderStatusChanged::getStatus).toList();
    }

    private SagaUpdated lastSaga() {
        List<SagaUpdated> updates = commandsOfType(SagaUpdated.class);
        assertThat(updates).isNotEmpty();
        return updates.get(updates.size() - 1);
    }
}
