package dev.oms.bff;

import dev.oms.order.api.ActionPlan;
import dev.oms.order.api.CancelProgress;
import dev.oms.order.api.CancelResult;
import dev.oms.order.api.OrderCommands;
import dev.oms.order.api.ReturnLineRequest;
import dev.oms.order.api.ReturnResult;
import dev.oms.order.api.OrderError;
import dev.oms.order.api.EditLineRequest;
import dev.oms.order.api.EditResult;
import dev.oms.order.api.SagaActionResult;
import dev.oms.order.api.SagaOperations;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The order service's commands as the tests need them: the just placed order can be cancelled, the shipped one
 * cannot, others are unknown; the stuck saga can be retried and compensated, the completed one cannot. Remembers
 * what it was asked.
 */
final class FakeOrderService implements OrderCommands, SagaOperations {
    static final String STUCK_SAGA = "saga-stuck";
    static final String COMPLETED_SAGA = "saga-1";

    /** One call: the method, its subject and (for cancel) the idempotency key. */
    record Call(String method, String id, String key) {}

    final List<Call> calls = new CopyOnWriteArrayList<>();

    @Override
    public CancelResult cancel(String orderId, String reason, String idempotencyKey) {
        calls.add(new Call("cancel", orderId, idempotencyKey));
        if (orderId.equals(FakeOrderQueries.JUST_PLACED)) {
            return CancelResult.accepted(orderId, "PENDING", CancelProgress.STARTED);
        }
        if (orderId.equals(FakeOrderQueries.SHIPPED) || orderId.equals(FakeOrderQueries.DELIVERED)) {
            return CancelResult.refused(orderId, OrderError.ORDER_ALREADY_SHIPPED, "the order has shipped");
        }
        return CancelResult.refused(orderId, OrderError.ORDER_NOT_FOUND, "no order " + orderId);
    }

    @Override
    public ActionPlan previewCancel(String orderId) {
        return ActionPlan.refused("CANCEL", OrderError.ORDER_NOT_FOUND, "previews are not faked");
    }

    @Override
    public ActionPlan previewReturn(String orderId, List<ReturnLineRequest> lines, String reason) {
        return ActionPlan.refused("RETURN", OrderError.ORDER_NOT_FOUND, "previews are not faked");
    }

    @Override
    public ReturnResult requestReturn(String orderId, List<ReturnLineRequest> lines, String reason, String key) {
        calls.add(new Call("requestReturn", orderId, key));
        return ReturnResult.refused(orderId, OrderError.RETURN_NOT_ALLOWED, "returns are not faked");
    }

    @Override
    public ReturnResult withdrawReturn(String returnId, String customerId) {
        calls.add(new Call("withdrawReturn", returnId, null));
        return ReturnResult.refused(null, OrderError.RETURN_NOT_FOUND, "returns are not faked");
    }

    @Override
    public EditResult editOrder(String orderId, List<EditLineRequest> lines, String customerId, String key) {
        calls.add(new Call("editOrder", orderId, key));
        return EditResult.refused(orderId, OrderError.ORDER_NOT_FOUND, "edits are not faked");
    }

    @Override
    public ActionPlan previewEdit(String orderId, List<EditLineRequest> lines) {
        return ActionPlan.refused("EDIT", OrderError.ORDER_NOT_FOUND, "previews are not faked");
    }

    @Override
    public SagaActionResult retry(String sagaId) {
        calls.add(new Call("retry", sagaId, null));
        return act(sagaId, "RUNNING");
    }

    @Override
    public SagaActionResult compensate(String sagaId) {
        calls.add(new Call("compensate", sagaId, null));
        return act(sagaId, "COMPENSATING");
    }

    private static SagaActionResult act(String sagaId, String status) {
        if (sagaId.equals(STUCK_SAGA)) {
            return SagaActionResult.done(sagaId, status);
        }
        if (sagaId.equals(COMPLETED_SAGA)) {
            return SagaActionResult.refused(sagaId, OrderError.SAGA_NOT_ACTIONABLE, "the saga has completed");
        }
        return SagaActionResult.refused(sagaId, OrderError.SAGA_NOT_FOUND, "no saga " + sagaId);
    }
}
