package dev.oms.cart.api;

/** The stable codes of cart {@link UserError}s; clients may switch on them. */
public final class ErrorCodes {
    public static final String INVALID_INPUT = "INVALID_INPUT";
    public static final String INVALID_CURRENCY = "INVALID_CURRENCY";
    public static final String CART_NOT_FOUND = "CART_NOT_FOUND";
    public static final String CART_NOT_OPEN = "CART_NOT_OPEN";
    public static final String CART_EMPTY = "CART_EMPTY";
    public static final String UNKNOWN_SKU = "UNKNOWN_SKU";
    public static final String INVALID_QUANTITY = "INVALID_QUANTITY";
    public static final String CURRENCY_MISMATCH = "CURRENCY_MISMATCH";
    public static final String IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";
    public static final String LINE_NOT_FOUND = "LINE_NOT_FOUND";

    private ErrorCodes() {}
}
