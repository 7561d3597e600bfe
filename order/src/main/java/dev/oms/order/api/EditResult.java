package dev.oms.order.api;

/**
 * The edit as it stands (its id, status REQUESTED/APPLIED/FAILED, the order's total before and after it, in minor
 * units of currency, and why it failed), or why it was refused (then error is set).
 */
public record EditResult(String editId, String orderId, String status, Long previousTotal, Long newTotal,
                         String currency, String failure, OrderError error) {

    public static EditResult refused(String orderId, String code, String message) {
        return new EditResult(null, orderId, null, null, null, null, null, new OrderError(code, message));
    }
}
