package dev.oms.messaging;

/** Applies one message inside the transaction that also records it in the inbox. */
@FunctionalInterface
public interface MessageHandler {
    void handle(IncomingMessage message, TransactionContext tx) throws Exception;
}
