package dev.oms.saga;

import dev.oms.messaging.TransactionContext;

/** Told of every saved transition of a saga, inside its transaction (e.g. to publish a snapshot event). */
@FunctionalInterface
public interface SagaListener<D> {
    void onTransition(TransactionContext tx, SagaInstance<D> saga) throws Exception;
}
