package dev.oms.inventory.domain;

/** Units of one SKU an order asks for. */
public record RequestedLine(String sku, int quantity) {}
