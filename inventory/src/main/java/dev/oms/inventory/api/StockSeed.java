package dev.oms.inventory.api;

import java.util.Objects;

/** Initial stock of one SKU in one warehouse; applied only where no row exists yet. */
public record StockSeed(String sku, String warehouse, long onHand) {

    public StockSeed {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(warehouse, "warehouse");
        if (onHand < 0) {
            throw new IllegalArgumentException("onHand must not be negative: " + onHand);
        }
    }
}
