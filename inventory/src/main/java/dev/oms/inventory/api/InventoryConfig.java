package dev.oms.inventory.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How the inventory service runs.
 *
 * @param reservationTtl how long a reservation holds its units when nobody commits it; then it expires and the
 *     units are available again
 */
public record InventoryConfig(Duration reservationTtl) {
    public static final Duration DEFAULT_RESERVATION_TTL = Duration.ofMinutes(15);

    public InventoryConfig {
        Objects.requireNonNull(reservationTtl, "reservationTtl");
        if (reservationTtl.isZero() || reservationTtl.isNegative()) {
            throw new IllegalArgumentException("reservationTtl must be positive: " + reservationTtl);
        }
    }

    public static InventoryConfig defaults() {
        return new InventoryConfig(DEFAULT_RESERVATION_TTL);
    }
}
