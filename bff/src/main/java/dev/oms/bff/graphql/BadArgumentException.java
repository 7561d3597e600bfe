package dev.oms.bff.graphql;

/** An argument the client got wrong; its message goes back to the client, so it must name only the argument. */
public class BadArgumentException extends RuntimeException {
    public BadArgumentException(String message) {
        super(message);
    }
}
