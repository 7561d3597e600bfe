package dev.oms.cart.api;

public record Address(String name, String line1, String city, String postalCode, String country) {}
