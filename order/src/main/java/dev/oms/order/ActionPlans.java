package dev.oms.order;

import dev.oms.order.domain.OrderIds;
import dev.oms.contracts.order.v1.PlaceOrderSagaData;
import dev.oms.messaging.TransactionContext;
import dev.oms.order.adapters.OrderRepository;
import dev.oms.order.adapters.OrderRepository.LockedOrder;
import dev.oms.order.adapters.ReturnTable;
import dev.oms.order.adapters.ReturnTable.ReturnableOrder;
import dev.oms.order.api.ActionPlan;
import dev.oms.order.api.ActionPlan.PlannedStep;
import dev.oms.order.api.ActionPlan.StockMove;
import dev.oms.order.api.OrderError;
import dev.oms.order.api.ReturnLineRequest;
import dev.oms.order.api.ReturnPolicy;
import dev.oms.order.domain.ReturnRequest;
import dev.oms.order.domain.OrderEdit;
import dev.oms.order.api.EditLineRequest;
import dev.oms.order.reviseorder.Edits;
import dev.oms.saga.SagaDefinition;
import dev.oms.saga.SagaEngine;
import dev.oms.saga.SagaInstance;
import dev.oms.saga.SagaStatus;
import dev.oms.saga.StepState;
import dev.oms.saga.StepStatus;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Dry runs of the actions on an order: the same decisions the actions take, on the order as it is, answered as an
 * {@link ActionPlan} and nothing changed. The steps are read from the saga definitions the action would run.
 */
final class ActionPlans {
    static final String CANCEL = "CANCEL";
    static final String RETURN = "RETURN";
    static final String EDIT = "EDIT";

    private final OrderRepository orders;
    private final ReturnTable returns = new ReturnTable();
    private final ReturnPolicy policy;
    private final SagaEngine<PlaceOrderSagaData> placeOrder;
    private final SagaDefinition<?> cancelOrder;
    private final SagaDefinition<?> cancelRest;
    private final SagaDefinition<?> returnOrder;
    private final Edits edits;
    private final SagaDefinition<?> reviseOrder;

    ActionPlans(OrderRepository orders, ReturnPolicy policy, SagaEngine<PlaceOrderSagaData> placeOrder,
                SagaDefinition<?> cancelOrder, SagaDefinition<?> cancelRest, SagaDefinition<?> returnOrder,
                Edits edits, SagaDefinition<?> reviseOrder) {
        this.edits = edits;
        this.reviseOrder = reviseOrder;
        this.orders = orders;
        this.policy = policy;
        this.placeOrder = placeOrder;
        this.cancelOrder = cancelOrder;
        this.cancelRest = cancelRest;
        this.returnOrder = returnOrder;
    }

    ActionPlan cancel(TransactionContext tx, String orderId) throws Exception {
        Optional<ReturnableOrder> order = OrderIds.isUuid(orderId) ? returns.returnable(tx.connection(), orderId) : Optional.empty();
        Optional<LockedOrder> head = order.isPresent() ? orders.lock(tx.connection(), orderId) : Optional.empty();
        if (head.isEmpty()) {
            return ActionPlan.refused(CANCEL, OrderError.ORDER_NOT_FOUND, "no order " + orderId);
        }
        ReturnableOrder lines = order.get();
        long total = lines.bought().values().stream().mapToLong(b -> b.unitPrice() * b.quantity()).sum();
        List<StockMove> everything = lines.bought().entrySet().stream()
                .map(e -> new StockMove(e.getKey(), e.getValue().quantity())).toList();
        SagaInstance<PlaceOrderSagaData> placing = placeOrder.find(tx, head.get().placeOrderSagaId()).orElse(null);
        return switch (head.get().status()) {
            case SHIPPED, DELIVERED -> ActionPlan.refused(CANCEL, OrderError.ORDER_ALREADY_SHIPPED,
                    "the order has shipped; it can no longer be cancelled");
            case CANCELLED, REJECTED -> ActionPlan.refused(CANCEL, OrderError.ORDER_NOT_CANCELLABLE,
                    "the order is " + head.get().status());
            case PARTIALLY_SHIPPED -> new ActionPlan(CANCEL, true, null, steps(cancelRest), null, null, lines.currency(),
                    List.of(), null, "cancels what has not left the warehouse: those units go back on hand and their"
                    + " lines are refunded at the price paid; the order is then SHIPPED with what left");
            default -> placing != null && placing.status() == SagaStatus.COMPLETED
                    ? new ActionPlan(CANCEL, true, null, steps(cancelOrder), total, null, lines.currency(), everything,
                            0L, "the shipment is cancelled first; if the parcel has left by then, nothing changes")
                    : placing != null && placing.status() == SagaStatus.RUNNING && !placeOrder.pastPivot(placing)
                            ? new ActionPlan(CANCEL, true, null, undo(placing), null, null, lines.currency(),
                                    everything, 0L, "what placing the order did is undone: the payment held is"
                                    + " released (nothing was taken), the stock reserved is released")
                            : ActionPlan.refused(CANCEL, OrderError.ORDER_NOT_CANCELLABLE,
                                    "the order is being handed to the warehouse; try again in a moment");
        };
    }

    ActionPlan returnOf(TransactionContext tx, String orderId, List<ReturnLineRequest> lines, String reason)
            throws SQLException {
        Optional<ReturnableOrder> order = OrderIds.isUuid(orderId) ? returns.returnable(tx.connection(), orderId) : Optional.empty();
        if (order.isEmpty()) {
            return ActionPlan.refused(RETURN, OrderError.ORDER_NOT_FOUND, "no order " + orderId);
        }
        ReturnableOrder returnable = order.get();
        List<ReturnRequest.Line> asked = lines == null ? List.of()
                : lines.stream().map(l -> l == null ? null : new ReturnRequest.Line(l.sku(), l.quantity())).toList();
        ReturnRequest.Verdict verdict = ReturnRequest.check(returnable.status(), returnable.statusAt(), tx.now(),
                policy.window(), policy.reasons(), reason == null ? policy.reasons().iterator().next() : reason,
                returnable.bought(), returnable.alreadyReturned(), asked);
        if (verdict instanceof ReturnRequest.Refused refused) {
            return ActionPlan.refused(RETURN, refused.code(), refused.message());
        }
        List<ReturnRequest.Accepted> accepted = ((ReturnRequest.Granted) verdict).lines();
        long refund = accepted.stream().mapToLong(a -> a.unitPrice() * a.quantity()).sum();
        return new ActionPlan(RETURN, true, null, steps(returnOrder), refund, null, returnable.currency(),
                accepted.stream().map(a -> new StockMove(a.sku(), a.quantity())).toList(), null,
                "refund and stock as if every unit arrives restockable: damaged units are refunded, not restocked;"
                        + " units that do not arrive are neither");
    }

    ActionPlan edit(TransactionContext tx, String orderId, List<EditLineRequest> lines) throws Exception {
        Optional<LockedOrder> order = OrderIds.isUuid(orderId) ? orders.find(tx.connection(), orderId) : Optional.empty();
        if (order.isEmpty()) {
            return ActionPlan.refused(EDIT, OrderError.ORDER_NOT_FOUND, "no order " + orderId);
        }
        Edits.Decision decision = edits.decide(tx, order.get(), lines);
        if (decision instanceof Edits.Denied denied) {
            return ActionPlan.refused(EDIT, denied.code(), denied.message());
        }
        Edits.Allowed allowed = (Edits.Allowed) decision;
        OrderEdit.Planned plan = allowed.plan();
        long difference = plan.difference();
        return new ActionPlan(EDIT, true, null, steps(reviseOrder), difference < 0 ? -difference : 0L,
                difference > 0 ? difference : 0L, allowed.currency(),
                plan.changes().stream().map(c -> new StockMove(c.sku(), -c.delta())).toList(), plan.newTotal(),
                "the stock and a higher total's authorization come first; if a parcel leaves before the warehouse"
                        + " revises the shipments, both are undone and the order stays as it is");
    }

    private static List<PlannedStep> steps(SagaDefinition<?> saga) {
        return saga.steps().stream().map(step -> new PlannedStep(step.name(), step.kind().name())).toList();
    }

    /** The steps a compensation of the placement would undo now: those done, in reverse. */
    private static List<PlannedStep> undo(SagaInstance<PlaceOrderSagaData> placing) {
        List<PlannedStep> steps = new ArrayList<>();
        List<StepState> states = placing.steps();
        for (int i = states.size() - 1; i >= 0; i--) {
            StepState step = states.get(i);
            if (step.status() == StepStatus.SUCCEEDED || step.status() == StepStatus.RUNNING) {
                steps.add(new PlannedStep(step.name(), "UNDO"));
            }
        }
        return steps;
    }
}
