package dev.oms.messaging;

import java.util.List;

/** Applies one message inside the transaction that also records it in the inbox. */
@FunctionalInterface
public interface MessageHandler {
    void handle(IncomingMessage message, TransactionContext tx) throws Exception;

    /**
     * Called by a consumer in each transaction it applies, before {@link #handle} is called for any of its messages
     * (all of a poll, or one when they are applied one by one), with every one of them, redeliveries included. A
     * handler may write what all of them need in one statement here, if it is idempotent, and skip that work in
     * {@link #handle}; a caller that only calls {@link #handle} (a replay, a test) must still get the whole effect.
     */
    default void beforeBatch(List<IncomingMessage> messages, TransactionContext tx) throws Exception {
    }
}
