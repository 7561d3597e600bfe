package dev.oms.projections.api;

import java.time.Instant;

/**
 * Which sagas a list shows; a null field does not filter.
 *
 * @param status a saga status, e.g. RUNNING
 * @param updatedBefore only sagas whose last change is older than this: the stuck ones
 */
public record SagaFilter(String status, Instant updatedBefore) {

    public static SagaFilter all() {
        return new SagaFilter(null, null);
    }
}
