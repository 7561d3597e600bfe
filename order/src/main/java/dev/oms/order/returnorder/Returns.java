package dev.oms.order.returnorder;

import dev.oms.order.domain.OrderIds;
import dev.oms.contracts.common.v1.Money;
import dev.oms.contracts.fulfillment.v1.ReceivedReturnLine;
import dev.oms.contracts.fulfillment.v1.ReturnReceived;
import dev.oms.contracts.order.v1.ReturnLineState;
import dev.oms.contracts.order.v1.ReturnOrderSagaData;
import dev.oms.contracts.order.v1.ReturnStatusChanged;
import dev.oms.contracts.order.v1.ReturnedLine;
import dev.oms.messaging.TransactionContext;
import dev.oms.order.adapters.ReturnTable;
import dev.oms.order.adapters.ReturnTable.ReturnableOrder;
import dev.oms.order.adapters.ReturnTable.StoredReturn;
import dev.oms.order.adapters.ReturnTable.Unit;
import dev.oms.order.api.OrderError;
import dev.oms.order.api.ReturnLineRequest;
import dev.oms.order.api.ReturnPolicy;
import dev.oms.order.api.ReturnResult;
import dev.oms.order.domain.ReturnRequest;
import dev.oms.order.domain.ReturnStatus;
import dev.oms.saga.SagaEngine;
import dev.oms.saga.SagaInstance;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Returns of delivered orders: decides a request on the order as it is, records it and starts its Return saga; records
 * the warehouse's receipt; moves each return through {@link ReturnStatus}, publishing ReturnStatusChanged with every
 * transition.
 */
public final class Returns {
    private final ReturnTable table = new ReturnTable();
    private final ReturnPolicy policy;
    private SagaEngine<ReturnOrderSagaData> sagas;

    public Returns(ReturnPolicy policy) {
        this.policy = policy;
    }

    /** The engine of the Return saga (built on this, so given afterwards). */
    public void runBy(SagaEngine<ReturnOrderSagaData> engine) {
        this.sagas = engine;
    }

    public ReturnResult request(TransactionContext tx, String orderId, List<ReturnLineRequest> lines, String reason,
                                String key) throws Exception {
        if (key == null || key.isBlank() || key.length() > 200) {
            return ReturnResult.refused(orderId, OrderError.INVALID_INPUT, "idempotencyKey is required (at most 200 characters)");
        }
        Optional<ReturnableOrder> order = OrderIds.isUuid(orderId) ? table.lockReturnable(tx.connection(), orderId) : Optional.empty();
        if (order.isEmpty()) {
            return ReturnResult.refused(orderId, OrderError.ORDER_NOT_FOUND, "no order " + orderId);
        }
        Optional<String> earlier = table.byKey(tx.connection(), key);
        if (earlier.isPresent()) {
            StoredReturn stored = table.lock(tx.connection(), earlier.get()).orElseThrow();
            return stored.orderId().equals(orderId) ? answer(stored)
                    : ReturnResult.refused(orderId, OrderError.IDEMPOTENCY_KEY_REUSED,
                            "this idempotency key was already used for another order");
        }
        ReturnableOrder returnable = order.get();
        List<ReturnRequest.Line> asked = lines == null ? List.of()
                : lines.stream().map(l -> l == null ? null : new ReturnRequest.Line(l.sku(), l.quantity())).toList();
        ReturnRequest.Verdict verdict = ReturnRequest.check(returnable.status(), returnable.statusAt(), tx.now(),
                policy.window(), policy.reasons(), reason, returnable.bought(), returnable.alreadyReturned(), asked);
        if (verdict instanceof ReturnRequest.Refused refused) {
            return ReturnResult.refused(orderId, refused.code(), refused.message());
        }
        List<ReturnRequest.Accepted> accepted = ((ReturnRequest.Granted) verdict).lines();
        String returnId = UUID.randomUUID().toString();
        table.insert(tx.connection(), returnId, orderId, reason, key, returnable.currency(), accepted, tx.now());
        StoredReturn stored = table.lock(tx.connection(), returnId).orElseThrow();
        ReturnOrderSagaData.Builder data = ReturnOrderSagaData.newBuilder().setReturnId(returnId).setOrderId(orderId)
                .setCustomerId(stored.customerId()).setReason(reason);
        accepted.forEach(line -> data.addLines(ReturnedLine.newBuilder().setSku(line.sku()).setQuantity(line.quantity())
                .setUnitPrice(money(line.unitPrice(), returnable.currency()))));
        String sagaId = sagas.start(tx, orderId, data.build());
        table.attachSaga(tx.connection(), returnId, sagaId);
        publish(tx, stored, "", "");
        return ReturnResult.accepted(returnId, orderId, ReturnStatus.REQUESTED.name());
    }

    /** Withdraws a return not received yet: its saga undoes the warehouse's expectation, unless the parcel won the race. */
    public ReturnResult withdraw(TransactionContext tx, String returnId, String customerId) throws Exception {
        Optional<StoredReturn> found = OrderIds.isUuid(returnId) ? table.lock(tx.connection(), returnId) : Optional.empty();
        found = found.filter(r -> customerId == null || r.customerId().equals(customerId)); // another's: as unknown
        if (found.isEmpty()) {
            return ReturnResult.refused(null, OrderError.RETURN_NOT_FOUND, "no return " + returnId);
        }
        StoredReturn stored = found.get();
        if (stored.status() == ReturnStatus.REQUESTED) {
            Optional<SagaInstance<ReturnOrderSagaData>> saga = sagas.compensate(tx, stored.sagaId(), "withdrawn by the customer");
            if (saga.isPresent() && sagas.pastPivot(saga.get())) {
                return ReturnResult.refused(stored.orderId(), OrderError.RETURN_ALREADY_RECEIVED,
                        "the warehouse has received the return; it goes on");
            }
        } else if (stored.status() != ReturnStatus.CANCELLED) {
            return ReturnResult.refused(stored.orderId(), OrderError.RETURN_ALREADY_RECEIVED,
                    "the warehouse has received the return; it goes on");
        }
        return answer(stored);
    }

    /** The warehouse received the parcel (the saga's reply, also read here so the return records it in any case). */
    public void received(TransactionContext tx, ReturnReceived receipt) throws SQLException {
        Optional<StoredReturn> found = table.lock(tx.connection(), receipt.getReturnId());
        if (found.isEmpty() || found.get().status() != ReturnStatus.REQUESTED) {
            return;
        }
        List<Unit> units = receipt.getLinesList().stream().map(Returns::unit).toList();
        table.received(tx.connection(), receipt.getReturnId(), units, tx.now());
        publish(tx, table.lock(tx.connection(), receipt.getReturnId()).orElseThrow(), ReturnStatus.REQUESTED.name(), "");
    }

    /**
     * The saga's data with what the warehouse received, per sku and warehouse, as recorded; empty while the receipt is
     * not recorded yet (the saga passed the pivot on the warehouse's refusal to cancel, which overtook ReturnReceived).
     */
    Optional<ReturnOrderSagaData> withReceipt(TransactionContext tx, ReturnOrderSagaData data) throws SQLException {
        StoredReturn stored = table.lock(tx.connection(), data.getReturnId()).orElseThrow();
        if (stored.status() == ReturnStatus.REQUESTED) {
            return Optional.empty();
        }
        ReturnOrderSagaData.Builder with = data.toBuilder().clearReceived();
        stored.units().forEach(unit -> with.addReceived(ReceivedReturnLine.newBuilder().setSku(unit.sku())
                .setWarehouse(unit.warehouse()).setRestockable(unit.restockable()).setDamaged(unit.damaged())));
        return Optional.of(with.build());
    }

    /** What the received units are refunded: every unit received, restockable or damaged, at the price paid. */
    static long refundOf(ReturnOrderSagaData data) {
        Map<String, Long> prices = new HashMap<>();
        data.getLinesList().forEach(line -> prices.put(line.getSku(), line.getUnitPrice().getAmount()));
        Map<String, Integer> units = new HashMap<>();
        data.getReceivedList().forEach(unit -> units.merge(unit.getSku(), unit.getRestockable() + unit.getDamaged(),
                Integer::sum));
        return ReturnRequest.refund(prices, units);
    }

    void refunded(TransactionContext tx, ReturnOrderSagaData data) throws SQLException {
        StoredReturn stored = table.lock(tx.connection(), data.getReturnId()).orElseThrow();
        if (stored.status() != ReturnStatus.RECEIVED) {
            return;
        }
        table.setStatus(tx.connection(), stored.returnId(), ReturnStatus.REFUNDED, refundOf(data), null, tx.now());
        publish(tx, table.lock(tx.connection(), stored.returnId()).orElseThrow(), stored.status().name(), "");
    }

    void cancelled(TransactionContext tx, ReturnOrderSagaData data, String why) throws SQLException {
        StoredReturn stored = table.lock(tx.connection(), data.getReturnId()).orElseThrow();
        if (!stored.status().canBecome(ReturnStatus.CANCELLED)) {
            return;
        }
        table.setStatus(tx.connection(), stored.returnId(), ReturnStatus.CANCELLED, null, why, tx.now());
        publish(tx, table.lock(tx.connection(), stored.returnId()).orElseThrow(), stored.status().name(), why);
    }

    private static ReturnResult answer(StoredReturn stored) {
        return ReturnResult.accepted(stored.returnId(), stored.orderId(), stored.status().name());
    }

    private static void publish(TransactionContext tx, StoredReturn stored, String previous, String note) {
        ReturnStatusChanged.Builder event = ReturnStatusChanged.newBuilder()
                .setReturnId(stored.returnId()).setOrderId(stored.orderId()).setCustomerId(stored.customerId())
                .setStatus(stored.status().name()).setPreviousStatus(previous).setReason(stored.reason())
                .setNote(note == null ? "" : note);
        stored.lines().forEach(line -> event.addLines(ReturnLineState.newBuilder().setSku(line.sku())
                .setQuantity(line.quantity()).setUnitPrice(money(line.unitPrice(), stored.currency()))
                .setRestockable(line.restockable()).setDamaged(line.damaged())));
        if (stored.refundAmount() != null) {
            event.setRefund(money(stored.refundAmount(), stored.currency()));
        }
        tx.publish(stored.orderId(), event.build());
    }

    private static Unit unit(ReceivedReturnLine line) {
        return new Unit(line.getSku(), line.getWarehouse(), line.getRestockable(), line.getDamaged());
    }

    static Money money(long amount, String currency) {
        return Money.newBuilder().setAmount(amount).setCurrency(currency).build();
    }
}
