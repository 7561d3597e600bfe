package dev.oms.contracts;

/** A message whose envelope or payload cannot be read: it can never be processed, only parked. */
public class MalformedMessageException extends RuntimeException {
    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
