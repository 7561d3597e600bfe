package dev.oms.bff.graphql;

/** An argument the client got wrong; its message goes back to the client, so it must name only the argument. */
public class BadArgumentException extends RuntimeException {
    private final String code;

    public BadArgumentException(String message) {
        this(ErrorCodes.INVALID_ARGUMENT, message);
    }

    public BadArgumentException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
