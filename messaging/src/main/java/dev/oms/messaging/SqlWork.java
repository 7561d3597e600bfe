package dev.oms.messaging;

/** Work done inside one transaction. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(TransactionContext tx) throws Exception;
}
