package dev.oms.cart.api;

public record LineInput(String sku, int quantity) {}
