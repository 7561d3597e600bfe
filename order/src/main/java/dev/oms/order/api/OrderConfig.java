package dev.oms.order.api;

import java.time.Duration;

/** How long a saga step waits for its participant's reply before it counts as timed out. */
public record OrderConfig(Duration stepTimeout) {

    public static OrderConfig defaults() {
        return new OrderConfig(Duration.ofSeconds(10));
    }
}
