package dev.oms.cart.api;

/** A product the catalog sells, with its price. */
public record CatalogItem(String sku, String name, Money price) {}
