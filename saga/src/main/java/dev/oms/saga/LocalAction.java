package dev.oms.saga;

import dev.oms.messaging.TransactionContext;

/** A step the orchestrating service runs itself, in the saga's own transaction. */
@FunctionalInterface
public interface LocalAction<D> {
    Outcome<D> run(TransactionContext tx, D data) throws Exception;
}
