package dev.oms.order.api;

/** The order whose cancellation started (status as of now), or why it was refused (then error is set). */
public record CancelResult(String orderId, String status, OrderError error) {

    public static CancelResult accepted(String orderId, String status) {
        return new CancelResult(orderId, status, null);
    }

    public static CancelResult refused(String orderId, String code, String message) {
        return new CancelResult(orderId, null, new OrderError(code, message));
    }
}
