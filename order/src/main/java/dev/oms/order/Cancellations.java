package dev.oms.order;

import dev.oms.order.domain.OrderIds;
import dev.oms.contracts.order.v1.CancelOrderSagaData;
import dev.oms.contracts.order.v1.CancelRestSagaData;
import dev.oms.contracts.order.v1.PlaceOrderSagaData;
import dev.oms.messaging.TransactionContext;
import dev.oms.order.adapters.CancellationTable;
import dev.oms.order.adapters.CancellationTable.Cancellation;
import dev.oms.order.adapters.OrderRepository;
import dev.oms.order.adapters.OrderRepository.LockedOrder;
import dev.oms.order.api.CancelProgress;
import dev.oms.order.api.CancelResult;
import dev.oms.order.api.OrderError;
import dev.oms.order.domain.OrderStatus;
import dev.oms.order.reviseorder.Edits;
import dev.oms.saga.SagaEngine;
import dev.oms.saga.SagaInstance;
import dev.oms.saga.SagaStatus;
import java.util.Optional;

/**
 * Decides what a customer's cancellation does: before the PlaceOrder saga's pivot it compensates that saga
 * (the order ends CANCELLED; with the shipment requested and unanswered, once the warehouse answers); once the order
 * is placed and not shipped it starts a CancelOrder saga; once partly shipped a CancelRest saga cancels what has not
 * left (refunding just those lines); after shipping it is refused, and while an edit runs it is refused for the moment
 * (not recorded, so asking again later cancels). One cancellation per order;
 * asking again (by order or idempotency key) says how it stands now.
 */
final class Cancellations {
    private final OrderRepository orders;
    private final CancellationTable table = new CancellationTable();
    private final SagaEngine<PlaceOrderSagaData> placeOrder;
    private final SagaEngine<CancelOrderSagaData> cancelOrder;
    private final SagaEngine<CancelRestSagaData> cancelRest;
    private final Edits edits;

    Cancellations(OrderRepository orders, SagaEngine<PlaceOrderSagaData> placeOrder,
                  SagaEngine<CancelOrderSagaData> cancelOrder, SagaEngine<CancelRestSagaData> cancelRest, Edits edits) {
        this.orders = orders;
        this.placeOrder = placeOrder;
        this.cancelOrder = cancelOrder;
        this.cancelRest = cancelRest;
        this.edits = edits;
    }

    CancelResult request(TransactionContext tx, String orderId, String reason, String key) throws Exception {
        if (key == null || key.isBlank() || key.length() > 200) {
            return CancelResult.refused(orderId, OrderError.INVALID_INPUT, "idempotencyKey is required (at most 200 characters)");
        }
        Optional<LockedOrder> found = OrderIds.isUuid(orderId) ? orders.lock(tx.connection(), orderId) : Optional.empty();
        if (found.isEmpty()) {
            return CancelResult.refused(orderId, OrderError.ORDER_NOT_FOUND, "no order " + orderId);
        }
        LockedOrder order = found.get();
        Optional<Cancellation> byKey = table.byKey(tx.connection(), key);
        if (byKey.isPresent() && !byKey.get().orderId().equals(orderId)) {
            return CancelResult.refused(orderId, OrderError.IDEMPOTENCY_KEY_REUSED,
                    "this idempotency key was already used for another order");
        }
        Optional<Cancellation> earlier = byKey.isPresent() ? byKey : table.byOrder(tx.connection(), orderId);
        if (earlier.isPresent()) {
            return answerAgain(tx, order, earlier.get());
        }
        return start(tx, order, reason == null || reason.isBlank() ? "cancelled by customer" : reason, key);
    }

    /** Records that a cancellation that waited for the shipment could not be done: the parcel had left. */
    void refused(TransactionContext tx, String orderId, String why) throws Exception {
        table.refused(tx.connection(), orderId, why);
    }

    /** A cancellation asked for again: how it stands now. */
    private CancelResult answerAgain(TransactionContext tx, LockedOrder order, Cancellation cancellation) throws Exception {
        if (cancellation.refusal() != null) {
            return CancelResult.refused(order.orderId(), OrderError.ORDER_ALREADY_SHIPPED,
                    "the parcel had left before the cancellation could be done; the order goes on");
        }
        if (order.status() == OrderStatus.CANCELLED) {
            return CancelResult.accepted(order.orderId(), order.status().name(), CancelProgress.DONE);
        }
        Optional<SagaInstance<CancelRestSagaData>> rest = cancellation.sagaId() == null ? Optional.empty()
                : cancelRest.find(tx, cancellation.sagaId());
        if (rest.isPresent()) {
            return switch (rest.get().status()) {
                case COMPLETED -> CancelResult.accepted(order.orderId(), order.status().name(), CancelProgress.DONE);
                case COMPENSATED -> CancelResult.refused(order.orderId(), OrderError.ORDER_ALREADY_SHIPPED,
                        "every parcel had left before the rest could be cancelled; the order goes on");
                default -> CancelResult.accepted(order.orderId(), order.status().name(), CancelProgress.STARTED);
            };
        }
        Optional<SagaInstance<CancelOrderSagaData>> cancelling = cancellation.sagaId() == null ? Optional.empty()
                : cancelOrder.find(tx, cancellation.sagaId());
        if (cancelling.isPresent() && cancelling.get().status() == SagaStatus.COMPENSATED) {
            // the warehouse refused (the parcel had left) or never answered: the order goes on
            String why = cancelling.get().failure().reason();
            return CancelResult.refused(order.orderId(), why.contains("too late") ? OrderError.ORDER_ALREADY_SHIPPED
                    : OrderError.ORDER_NOT_CANCELLABLE, "the cancellation could not be done (" + why + "); the order"
                    + " goes on");
        }
        boolean waiting = placeOrder.find(tx, order.placeOrderSagaId())
                .map(saga -> saga.compensationRequest() != null).orElse(false);
        return CancelResult.accepted(order.orderId(), order.status().name(),
                waiting ? CancelProgress.WAITING_FOR_WAREHOUSE : CancelProgress.STARTED);
    }

    private CancelResult start(TransactionContext tx, LockedOrder order, String reason, String key) throws Exception {
        switch (order.status()) {
            case SHIPPED, DELIVERED -> {
                return CancelResult.refused(order.orderId(), OrderError.ORDER_ALREADY_SHIPPED,
                        "the order has shipped; it can no longer be cancelled");
            }
            case CANCELLED -> {
                return CancelResult.accepted(order.orderId(), order.status().name(), CancelProgress.DONE);
            }
            case REJECTED -> {
                return CancelResult.refused(order.orderId(), OrderError.ORDER_NOT_CANCELLABLE, "the order was rejected");
            }
            default -> { }
        }
        if (edits.running(tx, order.orderId())) { // its stock and payment are moving: cancel what it leaves
            return CancelResult.refused(order.orderId(), OrderError.EDIT_IN_PROGRESS,
                    "an edit of the order is under way; try again when it is done");
        }
        SagaInstance<PlaceOrderSagaData> placing = placeOrder.find(tx, order.placeOrderSagaId()).orElseThrow();
        String sagaId;
        CancelProgress progress = CancelProgress.STARTED;
        if (order.status() == OrderStatus.PARTIALLY_SHIPPED) {
            if (placing.status() != SagaStatus.COMPLETED) {
                return CancelResult.refused(order.orderId(), OrderError.ORDER_NOT_CANCELLABLE,
                        "the order's payment is still being taken; try again in a moment");
            }
            sagaId = cancelRest.start(tx, order.orderId(), CancelRestSagaData.newBuilder()
                    .setOrderId(order.orderId()).setCustomerId(order.customerId()).setReason(reason).build());
        } else if (placing.status() == SagaStatus.COMPLETED) {
            sagaId = cancelOrder.start(tx, order.orderId(), CancelOrderSagaData.newBuilder()
                    .setOrderId(order.orderId()).setCustomerId(order.customerId()).setReason(reason).build());
        } else if (placing.status() == SagaStatus.RUNNING && !placeOrder.pastPivot(placing)) {
            SagaInstance<PlaceOrderSagaData> compensating = placeOrder.compensate(tx, placing.sagaId(), reason).orElseThrow();
            if (compensating.compensationRequest() != null) {
                progress = CancelProgress.WAITING_FOR_WAREHOUSE;
            }
            sagaId = placing.sagaId();
        } else if (placing.status() == SagaStatus.RUNNING) {
            return CancelResult.refused(order.orderId(), OrderError.ORDER_NOT_CANCELLABLE,
                    "the order is being handed to the warehouse; try again in a moment");
        } else {
            return CancelResult.refused(order.orderId(), OrderError.ORDER_NOT_CANCELLABLE,
                    "the order is being rejected: " + placing.failure().reason());
        }
        table.insert(tx.connection(), order.orderId(), key, sagaId, reason, tx.now());
        return CancelResult.accepted(order.orderId(), order.status().name(), progress);
    }
}
