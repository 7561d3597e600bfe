package dev.oms.saga;

import dev.oms.messaging.TransactionContext;

/** Undoes a local step, in the saga's own transaction. */
@FunctionalInterface
public interface LocalCompensation<D> {
    void run(TransactionContext tx, D data) throws Exception;
}
