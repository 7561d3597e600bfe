package dev.oms.projections.api;

/**
 * One step of a saga.
 *
 * @param error the last failure of the step, or null
 */
public record SagaStepView(String name, String kind, String status, int attempts, String error) {}
