package dev.oms.order;

import dev.oms.contracts.inventory.v1.ReserveStock;
import dev.oms.contracts.inventory.v1.ReleaseStock;
import dev.oms.contracts.inventory.v1.CommitStock;
import dev.oms.contracts.payment.v1.AuthorizePayment;
import dev.oms.contracts.payment.v1.VoidAuthorization;
import dev.oms.contracts.payment.v1.CapturePayment;
import dev.oms.contracts.payment.v1.RefundPayment;
import dev.oms.contracts.fulfillment.v1.CreateShipment;
import dev.oms.contracts.fulfillment.v1.CancelShipment;
import dev.oms.contracts.fulfillment.v1.CancelReturnExpectation;
import dev.oms.contracts.fulfillment.v1.CancelUnshipped;
import dev.oms.contracts.order.v1.CancelRestSagaData;
import dev.oms.contracts.fulfillment.v1.ExpectReturn;
import dev.oms.contracts.fulfillment.v1.ReturnReceived;
import dev.oms.contracts.inventory.v1.RestockReturn;
import dev.oms.contracts.order.v1.ReturnOrderSagaData;
import dev.oms.contracts.order.v1.ReturnStatusChanged;
import dev.oms.contracts.notification.v1.SendNotification;
import dev.oms.contracts.order.v1.OrderStatusChanged;
import dev.oms.contracts.order.v1.SagaUpdated;
import dev.oms.contracts.Channels;
import dev.oms.contracts.MessageTypes;
import dev.oms.contracts.cart.v1.CheckoutCompleted;
import dev.oms.contracts.fulfillment.v1.ShipmentCreated;
import dev.oms.contracts.fulfillment.v1.ShipmentStatusChanged;
import dev.oms.contracts.order.v1.CancelOrderSagaData;
import dev.oms.contracts.order.v1.OrderPlaced;
import dev.oms.contracts.order.v1.PlaceOrderSagaData;
import dev.oms.contracts.order.v1.ReviseOrderSagaData;
import dev.oms.contracts.order.v1.OrderEdited;
import dev.oms.contracts.cart.v1.ProductListed;
import dev.oms.contracts.inventory.v1.AdjustOrderStock;
import dev.oms.contracts.inventory.v1.UndoStockAdjustment;
import dev.oms.contracts.payment.v1.AuthorizeIncrement;
import dev.oms.contracts.payment.v1.ReleaseIncrement;
import dev.oms.contracts.fulfillment.v1.ReviseShipment;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.ServiceRuntime;
import dev.oms.messaging.SqlWork;
import dev.oms.messaging.Subscription;
import dev.oms.messaging.TransactionContext;
import dev.oms.messaging.Transactions;
import dev.oms.order.adapters.OrderRepository;
import dev.oms.order.adapters.OrderTransitions;
import dev.oms.order.adapters.SagaSnapshots;
import dev.oms.order.api.CancelResult;
import dev.oms.order.api.OrderCommands;
import dev.oms.order.api.OrderConfig;
import dev.oms.order.api.SagaActionResult;
import dev.oms.order.api.SagaOperations;
import dev.oms.order.api.ActionPlan;
import dev.oms.order.api.ReturnLineRequest;
import dev.oms.order.api.ReturnResult;
import dev.oms.order.cancelorder.CancelOrderSaga;
import dev.oms.order.cancelrest.CancelRestSaga;
import dev.oms.order.cancelrest.CancelledRest;
import dev.oms.order.returnorder.ReturnOrderSaga;
import dev.oms.order.returnorder.Returns;
import dev.oms.order.reviseorder.Edits;
import dev.oms.order.reviseorder.ReviseOrderSaga;
import dev.oms.order.api.EditLineRequest;
import dev.oms.order.api.EditResult;
import dev.oms.order.domain.Order;
import dev.oms.order.placeorder.PlaceOrderSaga;
import dev.oms.saga.ConcurrentSagaUpdateException;
import dev.oms.saga.DueSagas;
import dev.oms.saga.SagaDataCodec;
import dev.oms.saga.SagaEngine;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The order service: turns each checkout into a PENDING order and a PlaceOrder saga, feeds the sagas the
 * participants' replies, fires their timers, follows the shipments to SHIPPED and DELIVERED, and takes
 * customers' cancellations and returns, and operators' saga actions.
 */
public final class OrderService implements OrderCommands, SagaOperations {
    public static final String NAME = "order";
    /** Shared components whose tables live in this service's schema (see SchemaMigrator). */
    public static final String[] COMPONENTS = {"saga"};
    private static final int CONFLICT_ATTEMPTS = 5;
    private static final Duration TIMER_POLL = Duration.ofMillis(200);

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OrderService.class);
    private static final String CHECKOUT_COMPLETED = MessageTypes.typeOf(CheckoutCompleted.getDefaultInstance());
    private static final String SHIPMENT_CREATED = MessageTypes.typeOf(ShipmentCreated.getDefaultInstance());
    private static final String SHIPMENT_STATUS_CHANGED = MessageTypes.typeOf(ShipmentStatusChanged.getDefaultInstance());
    private static final String RETURN_RECEIVED = MessageTypes.typeOf(ReturnReceived.getDefaultInstance());
    private static final String PRODUCT_LISTED = MessageTypes.typeOf(ProductListed.getDefaultInstance());

    private final Transactions transactions;
    private final OrderRepository orders = new OrderRepository();
    private final OrderTransitions transitions = new OrderTransitions(orders);
    private final SagaEngine<PlaceOrderSagaData> placeOrder;
    private final SagaEngine<CancelOrderSagaData> cancelOrder;
    private final SagaEngine<ReturnOrderSagaData> returnOrder;
    private final SagaEngine<CancelRestSagaData> cancelRest;
    private final SagaEngine<ReviseOrderSagaData> reviseOrder;
    private final Edits edits;
    private final Cancellations cancellations;
    private final Returns returns;
    private final SagaActions sagaActions;
    private final ActionPlans plans;

    private OrderService(Transactions transactions, OrderConfig config) {
        this.transactions = transactions;
        this.placeOrder = new SagaEngine<>(
                PlaceOrderSaga.definition(transitions, this::cancellationRefused,
                        config.stepTimeout()),
                SagaDataCodec.protobuf(PlaceOrderSagaData.parser()), SagaSnapshots.publisher(PlaceOrderSaga::orderIdOf));
        this.cancelOrder = new SagaEngine<>(CancelOrderSaga.definition(transitions, config.stepTimeout()),
                SagaDataCodec.protobuf(CancelOrderSagaData.parser()), SagaSnapshots.publisher(CancelOrderSaga::orderIdOf));
        this.returns = new Returns(config.returns());
        this.returnOrder = new SagaEngine<>(ReturnOrderSaga.definition(returns, config.stepTimeout(),
                config.returns().shipBack()),
                SagaDataCodec.protobuf(ReturnOrderSagaData.parser()), SagaSnapshots.publisher(ReturnOrderSaga::orderIdOf));
        returns.runBy(returnOrder);
        this.cancelRest = new SagaEngine<>(CancelRestSaga.definition(new CancelledRest(orders, transitions), config.stepTimeout()),
                SagaDataCodec.protobuf(CancelRestSagaData.parser()), SagaSnapshots.publisher(CancelRestSaga::orderIdOf));
        this.edits = new Edits(orders, placeOrder);
        this.reviseOrder = new SagaEngine<>(ReviseOrderSaga.definition(edits, config.stepTimeout()),
                SagaDataCodec.protobuf(ReviseOrderSagaData.parser()), SagaSnapshots.publisher(ReviseOrderSaga::orderIdOf));
        edits.runBy(reviseOrder);
        this.cancellations = new Cancellations(orders, placeOrder, cancelOrder, cancelRest, edits);
        this.sagaActions = new SagaActions(placeOrder, cancelOrder, returnOrder, cancelRest, reviseOrder);
        this.plans = new ActionPlans(orders, config.returns(), placeOrder, cancelOrder.definition(),
                cancelRest.definition(), returnOrder.definition(), edits, reviseOrder.definition());
    }

    public static OrderService register(ServiceRuntime runtime) {
        return register(runtime, OrderConfig.defaults());
    }

    public static OrderService register(ServiceRuntime runtime, OrderConfig config) {
        OrderService service = new OrderService(runtime.transactions(), config);
        runtime.produces(ReserveStock.getDefaultInstance(), ReleaseStock.getDefaultInstance(),
                CommitStock.getDefaultInstance(), AuthorizePayment.getDefaultInstance(),
                VoidAuthorization.getDefaultInstance(), CapturePayment.getDefaultInstance(),
                RefundPayment.getDefaultInstance(), CreateShipment.getDefaultInstance(),
                CancelShipment.getDefaultInstance(), SendNotification.getDefaultInstance(),
                OrderPlaced.getDefaultInstance(), OrderStatusChanged.getDefaultInstance(),
                SagaUpdated.getDefaultInstance(), ExpectReturn.getDefaultInstance(),
                CancelReturnExpectation.getDefaultInstance(), RestockReturn.getDefaultInstance(),
                ReturnStatusChanged.getDefaultInstance(), CancelUnshipped.getDefaultInstance(),
                AdjustOrderStock.getDefaultInstance(), UndoStockAdjustment.getDefaultInstance(),
                AuthorizeIncrement.getDefaultInstance(), ReleaseIncrement.getDefaultInstance(),
                ReviseShipment.getDefaultInstance(), OrderEdited.getDefaultInstance());
        Set<String> types = new HashSet<>(service.placeOrder.replyTypes());
        types.addAll(service.cancelOrder.replyTypes());
        types.addAll(service.returnOrder.replyTypes());
        types.addAll(service.cancelRest.replyTypes());
        types.addAll(service.reviseOrder.replyTypes());
        types.addAll(List.of(CHECKOUT_COMPLETED, SHIPMENT_STATUS_CHANGED, PRODUCT_LISTED));
        runtime.subscribe(Subscription.of(NAME, List.of(Channels.EVENTS), types, service::handle));
        runtime.every("saga-timers", TIMER_POLL, service::fireDueTimers);
        if (config.resendInFlightOnStart()) {
            int resending = service.placeOrder.resendInFlight(runtime.transactions())
                    + service.cancelOrder.resendInFlight(runtime.transactions())
                    + service.returnOrder.resendInFlight(runtime.transactions())
                    + service.cancelRest.resendInFlight(runtime.transactions())
                    + service.reviseOrder.resendInFlight(runtime.transactions());
            log.info("order: {} sagas in flight send what they wait for again (resend in flight on start)", resending);
        }
        return service;
    }

    private void cancellationRefused(TransactionContext tx, String orderId, String why) throws Exception {
        cancellations.refused(tx, orderId, why);
    }

    /** Fires the due timeouts and retries of every saga this service runs; any copy of the service may. */
    public int fireDueTimers() {
        Set<String> due = transactions.inTransaction(DueSagas::typesDue);
        int fired = 0;
        for (SagaEngine<?> engine : List.of(placeOrder, cancelOrder, returnOrder, cancelRest, reviseOrder)) {
            if (due.contains(engine.definition().name())) {
                fired += engine.fireDueTimers(transactions);
            }
        }
        return fired;
    }

    @Override
    public CancelResult cancel(String orderId, String reason, String idempotencyKey) {
        return retryingConflicts(tx -> cancellations.request(tx, orderId, reason, idempotencyKey));
    }

    @Override
    public ActionPlan previewCancel(String orderId) {
        return transactions.inTransaction(tx -> plans.cancel(tx, orderId));
    }

    @Override
    public ActionPlan previewReturn(String orderId, List<ReturnLineRequest> lines, String reason) {
        return transactions.inTransaction(tx -> plans.returnOf(tx, orderId, lines, reason));
    }

    @Override
    public ReturnResult requestReturn(String orderId, List<ReturnLineRequest> lines, String reason, String idempotencyKey) {
        return retryingConflicts(tx -> returns.request(tx, orderId, lines, reason, idempotencyKey));
    }

    @Override
    public ReturnResult withdrawReturn(String returnId, String customerId) {
        return retryingConflicts(tx -> returns.withdraw(tx, returnId, customerId));
    }

    @Override
    public EditResult editOrder(String orderId, List<EditLineRequest> lines, String customerId, String idempotencyKey) {
        return retryingConflicts(tx -> edits.request(tx, orderId, lines, customerId, idempotencyKey));
    }

    @Override
    public ActionPlan previewEdit(String orderId, List<EditLineRequest> lines) {
        return transactions.inTransaction(tx -> plans.edit(tx, orderId, lines));
    }

    @Override
    public SagaActionResult retry(String sagaId) {
        return retryingConflicts(tx -> sagaActions.retry(tx, sagaId));
    }

    @Override
    public SagaActionResult compensate(String sagaId) {
        return retryingConflicts(tx -> sagaActions.compensate(tx, sagaId));
    }

    /**
     * Runs a request's transaction again when a reply changed the saga between its read and its write: the request
     * is then decided on the saga's new state, instead of failing the caller for a race it cannot see.
     */
    private <T> T retryingConflicts(SqlWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.inTransaction(work);
            } catch (ConcurrentSagaUpdateException e) {
                if (attempt == CONFLICT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    void handle(IncomingMessage message, TransactionContext tx) throws Exception {
        if (message.type().equals(CHECKOUT_COMPLETED)) {
            placeOrder(tx, message.payloadAs(CheckoutCompleted.class));
            return;
        }
        if (message.type().equals(PRODUCT_LISTED)) {
            ProductListed listed = message.payloadAs(ProductListed.class);
            edits.listed(tx, listed.getSku(), listed.getPrice(), message.envelope().occurredAt());
            return;
        }
        if (message.type().equals(SHIPMENT_STATUS_CHANGED)) {
            followShipment(tx, message.payloadAs(ShipmentStatusChanged.class));
            return;
        }
        if (message.type().equals(RETURN_RECEIVED)) { // recorded whatever the saga makes of it (it may be withdrawing)
            returns.received(tx, message.payloadAs(ReturnReceived.class));
        }
        // most replies are PlaceOrder's: ask the other sagas only if not
        if (!placeOrder.onReply(tx, message) && !cancelOrder.onReply(tx, message) && !returnOrder.onReply(tx, message)
                && !cancelRest.onReply(tx, message)) {
            reviseOrder.onReply(tx, message);
        }
        if (message.type().equals(SHIPMENT_CREATED)) {
            transitions.apply(tx, message.payloadAs(ShipmentCreated.class).getOrderId(), Order::startFulfilling);
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

    /** A parcel that leaves while others stay makes the order partly shipped; the last one, shipped. */
    private void followShipment(TransactionContext tx, ShipmentStatusChanged change) throws Exception {
        boolean all = change.getAllShipments();
        switch (change.getShipment().getStatus()) {
            case "SHIPPED" -> transitions.apply(tx, change.getOrderId(), all ? Order::ship : Order::partlyShip);
            case "DELIVERED" -> {
                if (all) {
                    transitions.apply(tx, change.getOrderId(), Order::deliver);
                }
            }
            default -> { }
        }
    }
}
