package dev.oms.order;

import dev.oms.contracts.Channels;
import dev.oms.contracts.MessageTypes;
import dev.oms.contracts.cart.v1.CheckoutCompleted;
import dev.oms.contracts.fulfillment.v1.ShipmentCreated;
import dev.oms.contracts.fulfillment.v1.ShipmentStatusChanged;
import dev.oms.contracts.order.v1.OrderPlaced;
import dev.oms.contracts.order.v1.PlaceOrderSagaData;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.ServiceRuntime;
import dev.oms.messaging.Subscription;
import dev.oms.messaging.TransactionContext;
import dev.oms.order.adapters.OrderRepository;
import dev.oms.order.adapters.OrderTransitions;
import dev.oms.order.adapters.SagaSnapshots;
import dev.oms.order.api.CancelResult;
import dev.oms.order.api.OrderCommands;
import dev.oms.order.api.OrderError;
import dev.oms.order.api.SagaActionResult;
import dev.oms.order.api.SagaOperations;
import dev.oms.order.domain.OrderStatus;
import dev.oms.order.placeorder.PlaceOrderSaga;
import dev.oms.saga.SagaDataCodec;
import dev.oms.saga.SagaEngine;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The order service: turns each checkout into a PENDING order and a PlaceOrder saga, feeds the saga the
 * participants' replies, and follows the shipments to SHIPPED and DELIVERED.
 */
public final class OrderService implements OrderCommands, SagaOperations {
    public static final String NAME = "order";
    /** Shared components whose tables live in this service's schema (see SchemaMigrator). */
    public static final String[] COMPONENTS = {"saga"};

    private static final String CHECKOUT_COMPLETED = MessageTypes.typeOf(CheckoutCompleted.getDefaultInstance());
    private static final String SHIPMENT_CREATED = MessageTypes.typeOf(ShipmentCreated.getDefaultInstance());
    private static final String SHIPMENT_STATUS_CHANGED = MessageTypes.typeOf(ShipmentStatusChanged.getDefaultInstance());

    private final OrderRepository orders = new OrderRepository();
    private final OrderTransitions transitions = new OrderTransitions(orders);
    private final SagaEngine<PlaceOrderSagaData> placeOrder = new SagaEngine<>(
            PlaceOrderSaga.definition(transitions),
            SagaDataCodec.protobuf(PlaceOrderSagaData.parser()),
            SagaSnapshots.publisher(PlaceOrderSaga::orderIdOf));

    private OrderService() {}

    public static OrderService register(ServiceRuntime runtime) {
        OrderService service = new OrderService();
        Set<String> types = new HashSet<>(service.placeOrder.replyTypes());
        types.addAll(List.of(CHECKOUT_COMPLETED, SHIPMENT_STATUS_CHANGED));
        runtime.subscribe(Subscription.of(NAME, List.of(Channels.EVENTS), types, service::handle));
        return service;
    }

    @Override
    public CancelResult cancel(String orderId, String reason, String idempotencyKey) {
        return CancelResult.refused(orderId, OrderError.ORDER_NOT_CANCELLABLE, "cancellation is not available yet");
    }

    @Override
    public SagaActionResult retry(String sagaId) {
        return SagaActionResult.refused(sagaId, OrderError.SAGA_NOT_ACTIONABLE, "saga retry is not available yet");
    }

    @Override
    public SagaActionResult compensate(String sagaId) {
        return SagaActionResult.refused(sagaId, OrderError.SAGA_NOT_ACTIONABLE, "saga compensation is not available yet");
    }

    void handle(IncomingMessage message, TransactionContext tx) throws Exception {
        if (message.type().equals(CHECKOUT_COMPLETED)) {
            placeOrder(tx, message.payloadAs(CheckoutCompleted.class));
            return;
        }
        if (message.type().equals(SHIPMENT_STATUS_CHANGED)) {
            followShipment(tx, message.payloadAs(ShipmentStatusChanged.class));
            return;
        }
        placeOrder.onReply(tx, message);
        if (message.type().equals(SHIPMENT_CREATED)) {
            transitions.moveIfAllowed(tx, message.payloadAs(ShipmentCreated.class).getOrderId(), OrderStatus.FULFILLING, null);
        }
    }

    private void placeOrder(TransactionContext tx, CheckoutCompleted checkout) throws Exception {
        if (!orders.insertPending(tx.connection(), checkout, tx.now())) {
            return;
        }
        tx.publish(checkout.getOrderId(), OrderPlaced.newBuilder()
                .setOrderId(checkout.getOrderId())
                .setCustomerId(checkout.getCustomerId())
                .addAllLines(checkout.getLinesList())
                .setTotal(checkout.getTotal())
                .build());
        String sagaId = placeOrder.start(tx, checkout.getOrderId(),
                PlaceOrderSagaData.newBuilder().setCheckout(checkout).build());
        orders.attachSaga(tx.connection(), checkout.getOrderId(), sagaId);
    }

    private void followShipment(TransactionContext tx, ShipmentStatusChanged change) throws Exception {
        if (!change.getAllShipments()) {
            return;
        }
        switch (change.getShipment().getStatus()) {
            case "SHIPPED" -> transitions.moveIfAllowed(tx, change.getOrderId(), OrderStatus.SHIPPED, null);
            case "DELIVERED" -> transitions.moveIfAllowed(tx, change.getOrderId(), OrderStatus.DELIVERED, null);
            default -> { }
        }
    }
}
