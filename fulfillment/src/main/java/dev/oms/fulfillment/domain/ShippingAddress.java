package dev.oms.fulfillment.domain;

/** Where the parcels of an order go. */
public record ShippingAddress(String name, String line1, String city, String postalCode, String country) {}
