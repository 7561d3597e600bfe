package dev.oms.projections.api;

/** A listed product with the stock available over all warehouses. */
public record ProductView(String sku, String name, Money price, long available) {}
