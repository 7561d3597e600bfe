package dev.oms.projections.internal;

import com.google.protobuf.Message;
import dev.oms.contracts.Envelope;
import dev.oms.contracts.MessageTypes;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.TransactionContext;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Which typed handler applies which event type; itself the one handler a subscription calls. */
public final class EventRoutes implements MessageHandler {

    /** Applies one event to the read tables through the consuming transaction's connection. */
    @FunctionalInterface
    public interface EventHandler<T extends Message> {
        void apply(T event, Envelope envelope, Connection connection) throws Exception;
    }

    private final Map<String, MessageHandler> byType = new LinkedHashMap<>();

    /** Routes events of {@code prototype}'s type (e.g. {@code OrderPlaced.getDefaultInstance()}) to {@code handler}. */
    public <T extends Message> EventRoutes on(T prototype, EventHandler<T> handler) {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) prototype.getClass();
        String name = MessageTypes.typeOf(prototype);
        if (byType.putIfAbsent(name, (message, tx) ->
                handler.apply(type.cast(message.payload()), message.envelope(), tx.connection())) != null) {
            throw new IllegalStateException("two handlers for " + name);
        }
        return this;
    }

    public Set<String> types() {
        return Set.copyOf(byType.keySet());
    }

    @Override
    public void handle(IncomingMessage message, TransactionContext tx) throws Exception {
        MessageHandler handler = byType.get(message.type());
        if (handler != null) {
            handler.handle(message, tx);
        }
    }
}
