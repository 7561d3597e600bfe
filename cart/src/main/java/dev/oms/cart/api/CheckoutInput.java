package dev.oms.cart.api;

public record CheckoutInput(String paymentToken, Address shippingAddress) {}
