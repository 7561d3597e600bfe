package dev.oms.projections.api;

import java.time.Instant;

/**
 * One step of a saga.
 *
 * @param error the last failure of the step, or null
 * @param startedAt when the step first left PENDING (the time of the snapshot that showed it), or null
 * @param endedAt when the step reached its current final status (SUCCEEDED, FAILED, TIMED_OUT, COMPENSATED), or
 *     null while it is pending or in flight
 */
public record SagaStepView(String name, String kind, String status, int attempts, String error, Instant startedAt,
        Instant endedAt) {

    public SagaStepView(String name, String kind, String status, int attempts, String error) {
        this(name, kind, status, attempts, error, null, null);
    }
}
