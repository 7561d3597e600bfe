package dev.oms.order.api;

import dev.oms.contracts.Idempotent;

/** What operators can do with a stuck or failed saga. */
public interface SagaOperations {

    /** Sends the saga's current step (or compensation) again, with a fresh retry budget. */
    SagaActionResult retry(String sagaId);

    /** Stops a running saga and undoes its completed compensatable steps in reverse order. */
    @Idempotent
    SagaActionResult compensate(String sagaId);
}
