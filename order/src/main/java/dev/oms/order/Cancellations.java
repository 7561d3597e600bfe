package dev.oms.order;

import dev.oms.contracts.order.v1.CancelOrderSagaData;
import dev.oms.contracts.order.v1.PlaceOrderSagaData;
import dev.oms.messaging.TransactionContext;
import dev.oms.order.adapters.CancellationTable;
import dev.oms.order.adapters.CancellationTable.Cancellation;
import dev.oms.order.adapters.OrderRepository;
import dev.oms.order.adapters.OrderRepository.LockedOrder;
import dev.oms.order.api.CancelResult;
import dev.oms.order.api.OrderError;
import dev.oms.order.placeorder.PlaceOrderSaga;
import dev.oms.saga.SagaEngine;
import dev.oms.saga.SagaInstance;
import dev.oms.saga.SagaStatus;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides what a customer's cancellation does: before the PlaceOrder saga's pivot it compensates that saga
 * (the order ends CANCELLED); once the order is placed and not shipped it starts a CancelOrder saga; after
 * shipping it is refused. One cancellation per order; the idempotency key returns the earlier answer.
 */
final class Cancellations {
    private final OrderRepository orders;
    private final CancellationTable table = new CancellationTable();
    private final SagaEngine<PlaceOrderSagaData> placeOrder;
    private final SagaEngine<CancelOrderSagaData> cancelOrder;

    Cancellations(OrderRepository orders, SagaEngine<PlaceOrderSagaData> placeOrder,
                  SagaEngine<CancelOrderSagaData> cancelOrder) {
        this.orders = orders;
        this.placeOrder = placeOrder;
        this.cancelOrder = cancelOrder;
    }

    CancelResult request(TransactionContext tx, String orderId, String reason, String key) throws Exception {
        if (key == null || key.isBlank() || key.length() > 200) {
            return CancelResult.refused(orderId, OrderError.INVALID_INPUT, "idempotencyKey is required (at most 200 characters)");
        }
        Optional<LockedOrder> found = isUuid(orderId) ? orders.lock(tx.connection(), orderId) : Optional.empty();
        if (found.isEmpty()) {
            return CancelResult.refused(orderId, OrderError.ORDER_NOT_FOUND, "no order " + orderId);
        }
        LockedOrder order = found.get();
        Optional<Cancellation> byKey = table.byKey(tx.connection(), key);
        if (byKey.isPresent() && !byKey.get().orderId().equals(orderId)) {
            return CancelResult.refused(orderId, OrderError.IDEMPOTENCY_KEY_REUSED,
                    "this idempotency key was already used for another order");
        }
        if (byKey.isPresent() || table.byOrder(tx.connection(), orderId).isPresent()) {
            return CancelResult.accepted(orderId, order.status().name());
        }
        return start(tx, order, reason == null || reason.isBlank() ? "cancelled by customer" : reason, key);
    }

    private CancelResult start(TransactionContext tx, LockedOrder order, String reason, String key) throws Exception {
        switch (order.status()) {
            case SHIPPED, DELIVERED -> {
                return CancelResult.refused(order.orderId(), OrderError.ORDER_ALREADY_SHIPPED,
                        "the order has shipped; it can no longer be cancelled");
            }
            case CANCELLED -> {
                return CancelResult.accepted(order.orderId(), order.status().name());
            }
            case REJECTED -> {
                return CancelResult.refused(order.orderId(), OrderError.ORDER_NOT_CANCELLABLE, "the order was rejected");
            }
            default -> { }
        }
        SagaInstance<PlaceOrderSagaData> placing = placeOrder.find(tx, order.placeOrderSagaId()).orElseThrow();
        String sagaId;
        if (placing.status() == SagaStatus.COMPLETED) {
            sagaId = cancelOrder.start(tx, order.orderId(), CancelOrderSagaData.newBuilder()
                    .setOrderId(order.orderId()).setCustomerId(order.customerId()).setReason(reason).build());
        } else if (placing.status() == SagaStatus.RUNNING && !placeOrder.pastPivot(placing)) {
            placeOrder.compensate(tx, placing.sagaId(), PlaceOrderSaga.CANCELLED_BY_CUSTOMER + ": " + reason);
            sagaId = placing.sagaId();
        } else {
            return CancelResult.refused(order.orderId(), OrderError.ORDER_NOT_CANCELLABLE,
                    "the order is being handed to the warehouse; try again in a moment");
        }
        table.insert(tx.connection(), order.orderId(), key, sagaId, reason, tx.now());
        return CancelResult.accepted(order.orderId(), order.status().name());
    }

    private static boolean isUuid(String id) {
        try {
            UUID.fromString(id);
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }
}
