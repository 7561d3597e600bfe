package dev.oms.inventory.domain;

/** An order edit's change of one SKU: positive takes more units, negative puts units back. */
public record QuantityChange(String sku, int quantity) {}
