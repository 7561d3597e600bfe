package dev.oms.projections.api;

/** An amount in minor units (cents) of an ISO 4217 currency. */
public record Money(long amount, String currency) {}
