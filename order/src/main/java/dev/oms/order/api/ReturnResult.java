package dev.oms.order.api;

/** The return as it stands (its id, the order's id and its status), or why it was refused (then error is set). */
public record ReturnResult(String returnId, String orderId, String status, OrderError error) {

    public static ReturnResult accepted(String returnId, String orderId, String status) {
        return new ReturnResult(returnId, orderId, status, null);
    }

    public static ReturnResult refused(String orderId, String code, String message) {
        return new ReturnResult(null, orderId, null, new OrderError(code, message));
    }
}
