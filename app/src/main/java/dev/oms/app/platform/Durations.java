package dev.oms.app.platform;

import java.time.Duration;

/** Reads durations written as 500ms, 2s, 1m, 6h, 30d or a bare number of seconds. */
public final class Durations {
    private Durations() {}

    /** The duration in an environment variable, or the default when it is unset. */
    public static Duration fromEnv(String variable, Duration otherwise) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? otherwise : parse(value);
    }

    public static Duration parse(String text) {
        String t = text.trim().toLowerCase();
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            if (t.endsWith("h")) {
                return Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            if (t.endsWith("d")) {
                return Duration.ofDays(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a duration: " + text + " (use e.g. 500ms, 2s, 1m, 6h, 30d)");
        }
    }
}
