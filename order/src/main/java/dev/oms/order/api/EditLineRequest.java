package dev.oms.order.api;

/** A line of an edit: the sku's quantity after it (0 removes the line; a sku not in the order adds one). */
public record EditLineRequest(String sku, int quantity) {}
