package dev.oms.order.api;

/** Why the order service refused a request: a stable code and a readable message. */
public record OrderError(String code, String message) {
    public static final String ORDER_NOT_FOUND = "ORDER_NOT_FOUND";
    public static final String ORDER_ALREADY_SHIPPED = "ORDER_ALREADY_SHIPPED";
    public static final String ORDER_NOT_CANCELLABLE = "ORDER_NOT_CANCELLABLE";
    public static final String IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";
    public static final String SAGA_NOT_FOUND = "SAGA_NOT_FOUND";
    public static final String SAGA_NOT_ACTIONABLE = "SAGA_NOT_ACTIONABLE";
    public static final String INVALID_INPUT = "INVALID_INPUT";
    public static final String RETURN_NOT_ALLOWED = "RETURN_NOT_ALLOWED";
    public static final String RETURN_WINDOW_CLOSED = "RETURN_WINDOW_CLOSED";
    public static final String RETURN_NOT_FOUND = "RETURN_NOT_FOUND";
    public static final String RETURN_ALREADY_RECEIVED = "RETURN_ALREADY_RECEIVED";
    public static final String EDIT_NOT_ALLOWED = "EDIT_NOT_ALLOWED";
    public static final String EDIT_IN_PROGRESS = "EDIT_IN_PROGRESS";
}
