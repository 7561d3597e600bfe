package dev.oms.saga;

import dev.oms.messaging.TransactionContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where saga instances live between stimuli, written in the stimulus's transaction. An update succeeds only if
 * nobody saved the instance since it was loaded ({@link ConcurrentSagaUpdateException} otherwise).
 */
public interface SagaStore<D> {

    void insert(TransactionContext tx, SagaInstance<D> saga) throws Exception;

    /** Saves the instance with its version check and gives it its new version. */
    void update(TransactionContext tx, SagaInstance<D> saga) throws Exception;

    /** The saga with that id if it is of that type (another type's data is not ours to decode). */
    Optional<SagaInstance<D>> load(TransactionContext tx, String sagaId, String sagaType) throws Exception;

    /** Locks (until the transaction ends) and returns up to {@code limit} sagas of the type whose deadline passed. */
    List<String> lockDue(TransactionContext tx, String sagaType, Instant now, int limit) throws Exception;

    /**
     * Makes every saga of the type that waits for an answer (running or compensating, with a deadline) due at
     * {@code now} for a retry with a fresh budget; returns how many. The next timer poll sends what each waits for again.
     */
    int resendInFlight(TransactionContext tx, String sagaType, Instant now) throws Exception;
}
