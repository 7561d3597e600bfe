package dev.oms.bff.graphql;

import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;

/**
 * Sees the cost of every operation that passed the per-request limits, before any resolver runs (the rate limiter
 * charges it). Refuses by throwing an {@link AbortExecutionException} whose errors the client gets.
 */
public interface QueryCostGate {
    void admit(int cost, ExecutionContext execution);
}
