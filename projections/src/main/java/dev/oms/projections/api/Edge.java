package dev.oms.projections.api;

/** One node of a page and the opaque cursor that pages on after it. */
public record Edge<T>(String cursor, T node) {}
