package dev.oms.inventory.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How the inventory service runs.
 *
 * @param reservationTtl how long a reservation holds its units when nobody commits it; then it expires and the
 *     units are available again
 * @param stockReservedVersion the schema version of StockReserved it emits: 2 (current), or 1 while consumers that
 *     read only v1 still run (a rolling upgrade; see docs/contracts.md)
 */
public record InventoryConfig(Duration reservationTtl, int stockReservedVersion) {
    public static final Duration DEFAULT_RESERVATION_TTL = Duration.ofMinutes(15);
    public static final int CURRENT_STOCK_RESERVED_VERSION = 2;

    public InventoryConfig {
        Objects.requireNonNull(reservationTtl, "reservationTtl");
        if (reservationTtl.isZero() || reservationTtl.isNegative()) {
            throw new IllegalArgumentException("reservationTtl must be positive: " + reservationTtl);
        }
        if (stockReservedVersion != 1 && stockReservedVersion != 2) {
            throw new IllegalArgumentException("StockReserved exists in versions 1 and 2, not " + stockReservedVersion);
        }
    }

    public InventoryConfig(Duration reservationTtl) {
        this(reservationTtl, CURRENT_STOCK_RESERVED_VERSION);
    }

    public static InventoryConfig defaults() {
        return new InventoryConfig(DEFAULT_RESERVATION_TTL);
    }
}
