package dev.oms.order.api;

/**
 * The saga's status after an operator action, or why the action was refused (then error is set). A compensation
 * asked for while the saga's pivot is in flight is recorded and waits for the pivot's answer (compensationPending).
 */
public record SagaActionResult(String sagaId, String status, boolean compensationPending, OrderError error) {

    public static SagaActionResult done(String sagaId, String status) {
        return new SagaActionResult(sagaId, status, false, null);
    }

    public static SagaActionResult waitingForPivot(String sagaId, String status) {
        return new SagaActionResult(sagaId, status, true, null);
    }

    public static SagaActionResult refused(String sagaId, String code, String message) {
        return new SagaActionResult(sagaId, null, false, new OrderError(code, message));
    }
}
