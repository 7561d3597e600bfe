package dev.oms.projections.api;

import java.util.Optional;

/** Reads the sagas behind orders, for operators. */
public interface SagaQueries {

    /**
     * Sagas newest first (by start), up to {@code first} after the {@code after} cursor.
     *
     * @throws IllegalArgumentException when {@code first} is outside 0..{@link Page#MAX_SIZE}
     * @throws InvalidCursorException when {@code after} is not a cursor this API handed out
     */
    Page<SagaView> sagas(SagaFilter filter, int first, String after);

    Optional<SagaView> saga(String sagaId);
}
