package dev.oms.order.api;

/** The saga's status after an operator action, or why the action was refused (then error is set). */
public record SagaActionResult(String sagaId, String status, OrderError error) {

    public static SagaActionResult done(String sagaId, String status) {
        return new SagaActionResult(sagaId, status, null);
    }

    public static SagaActionResult refused(String sagaId, String code, String message) {
        return new SagaActionResult(sagaId, null, new OrderError(code, message));
    }
}
