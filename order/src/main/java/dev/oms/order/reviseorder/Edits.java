package dev.oms.order.reviseorder;

import dev.oms.contracts.common.v1.Money;
import dev.oms.contracts.common.v1.OrderLine;
import dev.oms.contracts.order.v1.EditedLine;
import dev.oms.contracts.order.v1.OrderEdited;
import dev.oms.contracts.order.v1.PlaceOrderSagaData;
import dev.oms.contracts.order.v1.ReviseOrderSagaData;
import dev.oms.messaging.TransactionContext;
import dev.oms.order.adapters.CancellationTable;
import dev.oms.order.adapters.EditTable;
import dev.oms.order.adapters.OrderRepository.OrderLines;
import dev.oms.order.adapters.EditTable.StoredEdit;
import dev.oms.order.adapters.OrderRepository;
import dev.oms.order.adapters.OrderRepository.LockedOrder;
import dev.oms.order.api.EditLineRequest;
import dev.oms.order.api.EditResult;
import dev.oms.order.api.OrderError;
import dev.oms.order.domain.EditStatus;
import dev.oms.order.domain.OrderEdit;
import dev.oms.order.domain.OrderIds;
import dev.oms.order.domain.OrderStatus;
import dev.oms.saga.SagaEngine;
import dev.oms.saga.SagaInstance;
import dev.oms.saga.SagaStatus;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Edits of orders before they ship: decides a request on the order as it is (placed, its payment taken, no parcel
 * left, no cancellation and no other edit under way), records it and starts its ReviseOrder saga; once the saga is
 * through, gives the order its new lines and total (OrderEdited); once undone, records why.
 */
public final class Edits {
    private final OrderRepository orders;
    private final EditTable table = new EditTable();
    private final CancellationTable cancellations = new CancellationTable();
    private final SagaEngine<PlaceOrderSagaData> placeOrder;
    private SagaEngine<ReviseOrderSagaData> sagas;

    public Edits(OrderRepository orders, SagaEngine<PlaceOrderSagaData> placeOrder) {
        this.orders = orders;
        this.placeOrder = placeOrder;
    }

    /** The engine of the ReviseOrder saga (built on this, so given afterwards). */
    public void runBy(SagaEngine<ReviseOrderSagaData> engine) {
        this.sagas = engine;
    }

    /** An edit decided on the order as it stands: its plan, or why not. */
    public sealed interface Decision permits Allowed, Denied {}

    public record Allowed(OrderEdit.Planned plan, String currency, LockedOrder order, String paymentToken)
            implements Decision {}

    public record Denied(String code, String message) implements Decision {}

    public EditResult request(TransactionContext tx, String orderId, List<EditLineRequest> lines, String customerId,
                              String key) throws Exception {
        if (key == null || key.isBlank() || key.length() > 200) {
            return EditResult.refused(orderId, OrderError.INVALID_INPUT, "idempotencyKey is required (at most 200 characters)");
        }
        Optional<LockedOrder> found = OrderIds.isUuid(orderId) ? orders.lock(tx.connection(), orderId) : Optional.empty();
        found = found.filter(o -> customerId == null || o.customerId().equals(customerId)); // another's: as unknown
        if (found.isEmpty()) {
            return EditResult.refused(orderId, OrderError.ORDER_NOT_FOUND, "no order " + orderId);
        }
        Optional<StoredEdit> earlier = table.byKey(tx.connection(), key);
        if (earlier.isPresent()) {
            return earlier.get().orderId().equals(orderId) ? answer(earlier.get())
                    : EditResult.refused(orderId, OrderError.IDEMPOTENCY_KEY_REUSED,
                            "this idempotency key was already used for another order");
        }
        Decision decision = decide(tx, found.get(), lines);
        if (decision instanceof Denied denied) {
            return EditResult.refused(orderId, denied.code(), denied.message());
        }
        Allowed allowed = (Allowed) decision;
        OrderEdit.Planned plan = allowed.plan();
        String editId = UUID.randomUUID().toString();
        table.insert(tx.connection(), editId, orderId, key, plan.previousTotal(), plan.newTotal(), allowed.currency(),
                tx.now());
        ReviseOrderSagaData.Builder data = ReviseOrderSagaData.newBuilder().setEditId(editId).setOrderId(orderId)
                .setCustomerId(allowed.order().customerId()).setPaymentToken(allowed.paymentToken())
                .setPreviousTotal(money(plan.previousTotal(), allowed.currency()))
                .setNewTotal(money(plan.newTotal(), allowed.currency()));
        plan.changes().forEach(change -> data.addLines(EditedLine.newBuilder().setSku(change.sku())
                .setPreviousQuantity(change.previousQuantity()).setQuantity(change.quantity())
                .setUnitPrice(money(change.unitPrice(), allowed.currency()))));
        table.attachSaga(tx.connection(), editId, sagas.start(tx, orderId, data.build()));
        return answer(table.lock(tx.connection(), editId).orElseThrow());
    }

    /**
     * Whether the order may be edited now, and how: placed with its payment taken (its PlaceOrder saga is through),
     * nothing shipped, not cancelled or being cancelled, no other edit running. The same rules for a dry run.
     */
    public Decision decide(TransactionContext tx, LockedOrder order, List<EditLineRequest> lines) throws Exception {
        switch (order.status()) {
            case PARTIALLY_SHIPPED, SHIPPED, DELIVERED -> {
                return new Denied(OrderError.ORDER_ALREADY_SHIPPED, "a parcel of the order has left; it can no longer"
                        + " be edited");
            }
            case CANCELLED, REJECTED -> {
                return new Denied(OrderError.EDIT_NOT_ALLOWED, "the order is " + order.status());
            }
            default -> { }
        }
        Optional<SagaInstance<PlaceOrderSagaData>> placing = placeOrder.find(tx, order.placeOrderSagaId());
        if (order.status() != OrderStatus.FULFILLING || placing.isEmpty()
                || placing.get().status() != SagaStatus.COMPLETED) {
            return new Denied(OrderError.EDIT_IN_PROGRESS, "the order is still being placed; try again in a moment");
        }
        if (cancellations.byOrder(tx.connection(), order.orderId()).isPresent()) {
            return new Denied(OrderError.EDIT_NOT_ALLOWED, "the order's cancellation was asked for");
        }
        if (table.running(tx.connection(), order.orderId()).isPresent()) {
            return new Denied(OrderError.EDIT_IN_PROGRESS, "another edit of the order is under way; try again when"
                    + " it is done");
        }
        OrderLines current = orders.lines(tx.connection(), order.orderId()).orElseThrow();
        Map<String, OrderEdit.Held> held = new LinkedHashMap<>();
        current.lines().forEach((sku, line) -> held.put(sku, new OrderEdit.Held(line.quantity(), line.unitPrice())));
        Map<String, OrderEdit.Price> listed = new HashMap<>();
        List<OrderEdit.Line> asked = lines == null ? List.of()
                : lines.stream().map(l -> l == null ? null : new OrderEdit.Line(l.sku(), l.quantity())).toList();
        for (OrderEdit.Line line : asked) {
            if (line != null && line.sku() != null && !current.lines().containsKey(line.sku())) {
                table.listedPrice(tx.connection(), line.sku()).ifPresent(price -> listed.put(line.sku(), price));
            }
        }
        OrderEdit.Verdict verdict = OrderEdit.plan(held, current.total(), current.currency(),
                sku -> Optional.ofNullable(listed.get(sku)), asked);
        if (verdict instanceof OrderEdit.Refused refused) {
            return new Denied(refused.code(), refused.message());
        }
        return new Allowed((OrderEdit.Planned) verdict, current.currency(), order,
                placing.get().data().getCheckout().getPaymentToken());
    }

    /** The edit is through: the order takes its new lines and total, and says so (OrderEdited). */
    void applied(TransactionContext tx, ReviseOrderSagaData data) throws SQLException {
        StoredEdit stored = table.lock(tx.connection(), data.getEditId()).orElseThrow();
        if (!stored.status().canBecome(EditStatus.APPLIED)) {
            return;
        }
        List<OrderEdit.Changed> changes = data.getLinesList().stream().map(line -> new OrderEdit.Changed(
                line.getSku(), line.getPreviousQuantity(), line.getQuantity(), line.getUnitPrice().getAmount())).toList();
        table.applyLines(tx.connection(), data.getOrderId(), changes, data.getNewTotal().getAmount(), tx.now());
        table.setStatus(tx.connection(), stored.editId(), EditStatus.APPLIED, null, tx.now());
        OrderLines now = orders.lines(tx.connection(), data.getOrderId()).orElseThrow();
        OrderEdited.Builder event = OrderEdited.newBuilder().setOrderId(data.getOrderId()).setEditId(data.getEditId())
                .setTotal(data.getNewTotal()).setPreviousTotal(data.getPreviousTotal());
        now.lines().forEach((sku, line) -> event.addLines(OrderLine.newBuilder().setSku(sku)
                .setQuantity(line.quantity()).setUnitPrice(money(line.unitPrice(), now.currency()))));
        tx.publish(data.getOrderId(), event.build());
    }

    /** The edit was undone (stock, authorization): the order stays as it was. */
    void failed(TransactionContext tx, ReviseOrderSagaData data, String why) throws SQLException {
        StoredEdit stored = table.lock(tx.connection(), data.getEditId()).orElseThrow();
        if (stored.status().canBecome(EditStatus.FAILED)) {
            table.setStatus(tx.connection(), stored.editId(), EditStatus.FAILED, why, tx.now());
        }
    }

    /** Whether an edit of the order is under way (a cancellation waits until it is done). */
    public boolean running(TransactionContext tx, String orderId) throws SQLException {
        return table.running(tx.connection(), orderId).isPresent();
    }

    /** Keeps the catalog's price of a sku, for edits that add it. */
    public void listed(TransactionContext tx, String sku, Money price, java.time.Instant at) throws SQLException {
        table.listPrice(tx.connection(), sku, price.getAmount(), price.getCurrency(), at);
    }

    private static EditResult answer(StoredEdit edit) {
        return new EditResult(edit.editId(), edit.orderId(), edit.status().name(), edit.previousTotal(),
                edit.newTotal(), edit.currency(), edit.failure(), null);
    }

    private static Money money(long amount, String currency) {
        return Money.newBuilder().setAmount(amount).setCurrency(currency).build();
    }
}
