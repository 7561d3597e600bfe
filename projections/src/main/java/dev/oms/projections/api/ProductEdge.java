package dev.oms.projections.api;

/** A product and the opaque cursor that pages on after it. */
public record ProductEdge(String cursor, ProductView node) {}
