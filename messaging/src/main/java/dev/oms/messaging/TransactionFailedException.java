package dev.oms.messaging;

/** A transaction that could not commit; nothing of it was written. */
public class TransactionFailedException extends RuntimeException {
    public TransactionFailedException(Throwable cause) {
        super(cause.getMessage(), cause);
    }
}
