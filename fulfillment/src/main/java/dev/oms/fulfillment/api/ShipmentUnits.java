package dev.oms.fulfillment.api;

/** Units of one sku of a shipment. */
public record ShipmentUnits(String sku, int quantity) {}
