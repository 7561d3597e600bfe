package dev.oms.bff.ratelimit;

import java.util.Locale;

/** The classes of callers with limits of their own; the metrics are tagged with these, never with a subject. */
enum CallerClass {
    CUSTOMER, OPS, ANONYMOUS;

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
