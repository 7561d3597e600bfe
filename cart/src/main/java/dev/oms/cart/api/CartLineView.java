package dev.oms.cart.api;

public record CartLineView(String sku, String name, int quantity, Money unitPrice, Money lineTotal) {}
