package dev.oms.bench;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** How often each kind of order comes up, as relative weights: {@code ok=90,decline=5,limited=5}. */
public record Mix(Map<OrderKind, Integer> weights) {
    public static final String DEFAULT = "ok=90,decline=5,limited=5";

    public Mix {
        weights = Collections.unmodifiableMap(new EnumMap<>(weights));
        if (weights.values().stream().anyMatch(w -> w < 0) || total(weights) <= 0) {
            throw new IllegalArgumentException("a mix needs non-negative weights and at least one above zero");
        }
    }

    /** Parses {@code kind=weight} pairs separated by commas; kinds are ok, decline and limited, left out = 0. */
    public static Mix parse(String text) {
        Map<OrderKind, Integer> weights = new EnumMap<>(OrderKind.class);
        for (String pair : text.split(",")) {
            String[] parts = pair.trim().split("=");
            if (parts.length != 2) {
                throw new IllegalArgumentException("'" + pair.trim() + "' is not kind=weight (e.g. " + DEFAULT + ")");
            }
            weights.put(kind(parts[0].trim()), weight(parts[1].trim()));
        }
        return new Mix(weights);
    }

    public OrderKind pick(Random random) {
        int roll = random.nextInt(total(weights));
        for (Map.Entry<OrderKind, Integer> weight : weights.entrySet()) {
            roll -= weight.getValue();
            if (roll < 0) {
                return weight.getKey();
            }
        }
        throw new IllegalStateException("unreachable: roll beyond the total weight");
    }

    /** The weights by lower-case kind name, for the report. */
    public Map<String, Integer> byName() {
        Map<String, Integer> named = new LinkedHashMap<>();
        weights.forEach((kind, weight) -> named.put(kind.name().toLowerCase(Locale.ROOT), weight));
        return named;
    }

    private static OrderKind kind(String name) {
        try {
            return OrderKind.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown order kind '" + name + "' (ok, decline, limited)");
        }
    }

    private static int weight(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
    }

    private static int total(Map<OrderKind, Integer> weights) {
        return weights.values().stream().mapToInt(Integer::intValue).sum();
    }
}
