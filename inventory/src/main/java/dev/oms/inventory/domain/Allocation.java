package dev.oms.inventory.domain;

/** Units of one SKU taken from one warehouse for an order. */
public record Allocation(String sku, String warehouse, int quantity) {}
