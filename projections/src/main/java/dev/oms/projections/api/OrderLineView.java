package dev.oms.projections.api;

public record OrderLineView(String sku, int quantity, Money unitPrice) {}
