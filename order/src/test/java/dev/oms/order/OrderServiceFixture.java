package dev.oms.order;

import dev.oms.messaging.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import dev.oms.contracts.cart.v1.CheckoutCompleted;
import dev.oms.contracts.common.v1.Address;
import dev.oms.contracts.common.v1.Money;
import dev.oms.contracts.common.v1.OrderLine;
import dev.oms.contracts.inventory.v1.Allocation;
import dev.oms.contracts.fulfillment.v1.CreateShipment;
import dev.oms.contracts.fulfillment.v1.Shipment;
import dev.oms.contracts.fulfillment.v1.ShipmentCreated;
import dev.oms.contracts.inventory.v1.CommitStock;
import dev.oms.contracts.inventory.v1.ReserveStock;
import dev.oms.contracts.inventory.v1.StockCommitted;
import dev.oms.contracts.inventory.v2.StockReserved;
import dev.oms.contracts.notification.v1.NotificationSent;
import dev.oms.contracts.notification.v1.SendNotification;
import dev.oms.contracts.payment.v1.AuthorizePayment;
import dev.oms.contracts.payment.v1.CapturePayment;
import dev.oms.contracts.payment.v1.PaymentAuthorized;
import dev.oms.contracts.payment.v1.PaymentCaptured;
import dev.oms.order.placeorder.PlaceOrderSaga;
import dev.oms.contracts.order.v1.OrderStatusChanged;
import dev.oms.contracts.order.v1.SagaUpdated;
import dev.oms.infra.SharedTestInfra;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.ServiceRuntime;
import dev.oms.messaging.testing.OutboxReader;
import dev.oms.messaging.testing.OutboxReader.Emitted;
import dev.oms.messaging.testing.Stimulus;
import dev.oms.order.api.OrderConfig;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The order service on a fresh database, driven message by message: deliver a checkout or a reply, then
 * look at the commands and events it emitted for one order. Time moves only when the test says.
 */
final class OrderServiceFixture implements AutoCloseable {
    static final Duration STEP_TIMEOUT = Duration.ofSeconds(10);

    final MutableClock clock = new MutableClock();
    final DataSource dataSource;
    final ServiceRuntime runtime;
    final OrderService service;

    OrderServiceFixture(String name) {
        dataSource = SharedTestInfra.freshDatabase(name).dataSource(name, OrderService.NAME, 4);
        runtime = new ServiceRuntime(OrderService.NAME, dataSource, "127.0.0.1:9", clock);
        runtime.migrate(OrderService.COMPONENTS);
        service = OrderService.register(runtime, new OrderConfig(STEP_TIMEOUT));
    }

    /** Places a new order; returns its id. */
    String checkout() {
        String orderId = UUID.randomUUID().toString();
        deliver(orderId, null, checkout(orderId));
        return orderId;
    }

    /**
     * Places the order with every participant answering at once: stock reserved as given, payment authorized, one
     * shipment (s-1 from WH-EAST), captured, committed, notified. The order is then FULFILLING, its saga COMPLETED.
     */
    void placeWithEveryoneAnswering(CheckoutCompleted checkout, StockReserved reserved) {
        String orderId = checkout.getOrderId();
        deliver(orderId, null, checkout);
        String sagaId = saga(orderId, PlaceOrderSaga.NAME).getSagaId();
        expect(orderId, ReserveStock.class);
        deliver(orderId, sagaId, reserved);
        expect(orderId, AuthorizePayment.class);
        deliver(orderId, sagaId, PaymentAuthorized.newBuilder().setOrderId(orderId).setPaymentId("p").build());
        expect(orderId, CreateShipment.class);
        deliver(orderId, sagaId, ShipmentCreated.newBuilder().setOrderId(orderId)
                .addShipments(Shipment.newBuilder().setShipmentId("s-1").setWarehouse("WH-EAST").setStatus("CREATED"))
                .build());
        expect(orderId, CapturePayment.class);
        deliver(orderId, sagaId, PaymentCaptured.newBuilder().setOrderId(orderId).build());
        expect(orderId, CommitStock.class);
        deliver(orderId, sagaId, StockCommitted.newBuilder().setOrderId(orderId).build());
        expect(orderId, SendNotification.class);
        deliver(orderId, sagaId, NotificationSent.newBuilder().setOrderId(orderId).build());
        assertThat(saga(orderId, PlaceOrderSaga.NAME).getStatus()).isEqualTo("COMPLETED");
    }

    void deliver(String orderId, String sagaId, Message payload) {
        IncomingMessage message = Stimulus.message(orderId, sagaId, payload);
        runtime.transactions().inTransaction(message.envelope(), tx -> {
            service.handle(message, tx);
            return null;
        });
    }

    /** Lets time pass and fires whatever timers fell due. */
    void advance(Duration duration) {
        clock.advance(duration);
        service.fireDueTimers();
    }

    <T extends Message> List<T> emitted(String orderId, Class<T> type) {
        return OutboxReader.all(dataSource).stream()
                .filter(e -> orderId.equals(e.correlationId()))
                .map(Emitted::payload).filter(type::isInstance).map(type::cast).toList();
    }

    <T extends Message> T expect(String orderId, Class<T> type) {
        List<T> messages = emitted(orderId, type);
        assertThat(messages).as("a %s was sent", type.getSimpleName()).isNotEmpty();
        return messages.get(messages.size() - 1);
    }

    List<String> statusChanges(String orderId) {
        return emitted(orderId, OrderStatusChanged.class).stream().map(OrderStatusChanged::getStatus).toList();
    }

    /** The latest snapshot of the saga of that type for the order. */
    SagaUpdated saga(String orderId, String sagaType) {
        List<SagaUpdated> updates = emitted(orderId, SagaUpdated.class).stream()
                .filter(u -> u.getSagaType().equals(sagaType)).toList();
        assertThat(updates).as("%s updates", sagaType).isNotEmpty();
        return updates.get(updates.size() - 1);
    }

    static Allocation allocation() {
        return Allocation.newBuilder().setSku("SKU-1").setWarehouse("WH-EAST").setQuantity(2).build();
    }

    static CheckoutCompleted checkout(String orderId) {
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

    @Override
    public void close() {
        runtime.close();
    }
}
