package dev.oms.projections.api;

/** Reads the business metrics of the order flow. */
public interface MetricsQueries {

    BusinessMetrics metrics();
}
