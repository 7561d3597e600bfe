package dev.oms.projections.api;

import java.time.Instant;

/** The stock of one sku in one warehouse as last reported by the inventory service. */
public record StockLevelView(String sku, String warehouse, long onHand, long reserved, long available,
        Instant updatedAt) {}
