package dev.oms.messaging;

/** A service tried to emit a message type (or a schema of it) that it did not register as one it produces. */
public class UnregisteredMessageTypeException extends IllegalStateException {
    public UnregisteredMessageTypeException(String message) {
        super(message);
    }
}
