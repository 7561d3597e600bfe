package dev.oms.fulfillment.domain;

/** Units of one SKU to ship from the warehouse that holds them. */
public record ShipmentLine(String sku, String warehouse, int quantity) {}
