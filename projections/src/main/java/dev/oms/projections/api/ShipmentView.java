package dev.oms.projections.api;

/** One shipment; status is CREATED, PICKED, PACKED, SHIPPED, DELIVERED or CANCELLED. */
public record ShipmentView(String id, String warehouse, String status) {}
