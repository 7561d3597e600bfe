package dev.oms.bench.load;

/** A checkout that did not happen, with a short code to count it by (a user error code, HTTP_503, TIMEOUT...). */
public final class CheckoutFailedException extends RuntimeException {
    private final String code;

    public CheckoutFailedException(String code, String message) {
        super(code + ": " + message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
