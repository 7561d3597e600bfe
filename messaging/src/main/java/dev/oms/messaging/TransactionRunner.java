package dev.oms.messaging;

/** Runs work in a transaction of its own: committed when the work returns, rolled back when it throws. */
@FunctionalInterface
public interface TransactionRunner {
    <T> T inTransaction(SqlWork<T> work);
}
