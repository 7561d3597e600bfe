package dev.oms.saga;

import dev.oms.messaging.TransactionContext;

/** Undoes a local step, in the saga's own transaction; told why the saga compensates. */
@FunctionalInterface
public interface LocalCompensation<D> {
    void run(TransactionContext tx, D data, SagaFailure why) throws Exception;
}
