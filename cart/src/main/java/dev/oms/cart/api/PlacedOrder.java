package dev.oms.cart.api;

/** The order a checkout requested; its status is PENDING until the PlaceOrder saga moves it. */
public record PlacedOrder(String id, String status) {}
