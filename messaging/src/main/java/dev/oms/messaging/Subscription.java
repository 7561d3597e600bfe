package dev.oms.messaging;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What one consumer reads: its name (Kafka group id and inbox key), its topics, the message types it
 * handles (others are passed over without touching the database) and its handler.
 */
public record Subscription(String name, List<String> topics, Set<String> types, MessageHandler handler) {

    public Subscription {
        topics = List.copyOf(topics);
        types = Set.copyOf(types);
    }

    public static Subscription of(String name, Collection<String> topics, Set<String> types, MessageHandler handler) {
        return new Subscription(name, List.copyOf(topics), types, handler);
    }

    boolean handles(String type) {
        return types.contains(type);
    }
}
