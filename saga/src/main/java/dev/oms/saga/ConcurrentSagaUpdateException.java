package dev.oms.saga;

/** Another transaction changed the saga first; the message that caused this update is retried. */
public class ConcurrentSagaUpdateException extends RuntimeException {
    public ConcurrentSagaUpdateException(String sagaId, long version) {
        super("saga " + sagaId + " was changed concurrently (expected version " + version + ")");
    }
}
