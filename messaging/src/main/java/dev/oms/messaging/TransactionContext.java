package dev.oms.messaging;

import com.google.protobuf.Message;
import dev.oms.contracts.Channels;
import java.sql.Connection;
import java.time.Instant;

/**
 * One database transaction of a service: its connection, and the messages it emits, which reach the
 * outbox in the same transaction. While a message is being handled, emitted messages inherit its
 * saga id and name it as their cause.
 */
public interface TransactionContext {

    Connection connection();

    /** The service clock's time, read once per transaction. */
    Instant now();

    /** Emits {@code payload} to {@code topic}, keyed and correlated by {@code correlationId}. */
    default void emit(String topic, String correlationId, Message payload) {
        emit(topic, correlationId, null, payload);
    }

    /** As {@link #emit(String, String, Message)}, for a given saga (null: the handled message's saga, if any). */
    void emit(String topic, String correlationId, String sagaId, Message payload);

    /** Runs {@code action} once this transaction has committed (never if it rolls back); failures are logged. */
    void afterCommit(Runnable action);

    /** Emits an event to the shared event topic. */
    default void publish(String correlationId, Message event) {
        emit(Channels.EVENTS, correlationId, event);
    }
}
