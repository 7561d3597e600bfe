package dev.oms.order.api;

/**
 * The order whose cancellation was accepted (its status as of now and how far the cancellation is), or why it was
 * refused (then error is set).
 */
public record CancelResult(String orderId, String status, CancelProgress progress, OrderError error) {

    public static CancelResult accepted(String orderId, String status, CancelProgress progress) {
        return new CancelResult(orderId, status, progress, null);
    }

    public static CancelResult refused(String orderId, String code, String message) {
        return new CancelResult(orderId, null, null, new OrderError(code, message));
    }
}
