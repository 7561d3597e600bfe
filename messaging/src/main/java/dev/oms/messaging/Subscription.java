package dev.oms.messaging;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What one consumer reads: its name (Kafka group id and inbox key), its topics, the message types it
 * handles (others are passed over without touching the database) and its handler. {@code wanted} narrows the types
 * as the service's state changes (a type nobody asks for now is passed over like one it does not handle).
 */
public record Subscription(String name, List<String> topics, Set<String> types, MessageHandler handler,
                           Predicate<String> wanted) {

    public Subscription {
        topics = List.copyOf(topics);
        types = Set.copyOf(types);
        Objects.requireNonNull(wanted, "wanted");
    }

    public static Subscription of(String name, Collection<String> topics, Set<String> types, MessageHandler handler) {
        return new Subscription(name, List.copyOf(topics), types, handler, type -> true);
    }

    /** This subscription, handling only the types {@code wanted} accepts at the moment each message arrives. */
    public Subscription whileWanted(Predicate<String> wanted) {
        return new Subscription(name, topics, types, handler, wanted);
    }

    boolean handles(String type) {
        return types.contains(type) && wanted.test(type);
    }
}
