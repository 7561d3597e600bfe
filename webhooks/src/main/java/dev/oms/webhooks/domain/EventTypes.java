package dev.oms.webhooks.domain;

import java.util.Collection;
import java.util.Optional;

/**
 * Which events an endpoint gets. A subscription is a full type name ({@code oms.order.v1.OrderStatusChanged}), a
 * prefix ending in {@code *} ({@code oms.order.*}), or {@code *} for every event.
 */
public final class EventTypes {
    private EventTypes() {}

    public static boolean matches(Collection<String> subscribed, String type) {
        return subscribed.stream().anyMatch(pattern -> matches(pattern, type));
    }

    public static boolean matches(String pattern, String type) {
        if (pattern.endsWith("*")) {
            return type.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(type);
    }

    /** Why the subscription names no event of {@code known}, or empty when it names at least one. */
    public static Optional<String> problemWith(String pattern, Collection<String> known) {
        if (pattern == null || pattern.isBlank()) {
            return Optional.of("an event type is empty");
        }
        if (pattern.indexOf('*') >= 0 && pattern.indexOf('*') != pattern.length() - 1) {
            return Optional.of("'*' may only end an event type: " + pattern);
        }
        return known.stream().anyMatch(type -> matches(pattern, type)) ? Optional.empty()
                : Optional.of("no event type is " + pattern);
    }
}
