package dev.oms.order.api;

import java.time.Duration;
import java.util.Set;

/**
 * What returns the shop accepts: for how long after delivery ({@code window}), how long the warehouse waits for the
 * parcel before asking again ({@code shipBack}), and the reasons a customer may give.
 */
public record ReturnPolicy(Duration window, Duration shipBack, Set<String> reasons) {
    public static final Set<String> DEFAULT_REASONS = Set.of("DAMAGED", "DEFECTIVE", "WRONG_ITEM", "NOT_AS_DESCRIBED",
            "NO_LONGER_NEEDED", "OTHER");

    public ReturnPolicy {
        reasons = Set.copyOf(reasons);
    }

    public static ReturnPolicy defaults() {
        return new ReturnPolicy(Duration.ofDays(30), Duration.ofDays(30), DEFAULT_REASONS);
    }
}
