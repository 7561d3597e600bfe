package dev.oms.messaging.release;

import java.util.Locale;

/** Which side of a blue/green release a service copy is: blue runs the current build, green the new one. */
public enum ReleaseColor {
    BLUE, GREEN;

    /** OMS_RELEASE_COLOR (blue or green; blue when unset). */
    public static ReleaseColor fromEnv() {
        return parse(System.getenv("OMS_RELEASE_COLOR"));
    }

    static ReleaseColor parse(String value) {
        if (value == null || value.isBlank()) {
            return BLUE;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("OMS_RELEASE_COLOR must be blue or green, not '" + value + "'");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
