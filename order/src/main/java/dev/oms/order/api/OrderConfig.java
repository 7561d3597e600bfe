package dev.oms.order.api;

import java.time.Duration;

/**
 * How long a saga step waits for its participant's reply before it counts as timed out; and whether the service, as
 * it starts, has every saga in flight send what it waits for again (after a region's promotion: the messages in
 * flight were lost with the other region's broker, see docs/multi-region.md); and what returns the shop accepts.
 */
public record OrderConfig(Duration stepTimeout, boolean resendInFlightOnStart, ReturnPolicy returns) {

    public OrderConfig(Duration stepTimeout) {
        this(stepTimeout, false);
    }

    public OrderConfig(Duration stepTimeout, boolean resendInFlightOnStart) {
        this(stepTimeout, resendInFlightOnStart, ReturnPolicy.defaults());
    }

    public static OrderConfig defaults() {
        return new OrderConfig(Duration.ofSeconds(10));
    }
}
