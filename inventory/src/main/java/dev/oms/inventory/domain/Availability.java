package dev.oms.inventory.domain;

/** Units of one SKU a warehouse can still promise. */
public record Availability(String sku, String warehouse, long available) {}
