package dev.oms.projections.api;

import java.time.Instant;
import java.util.List;

/**
 * A saga's latest snapshot; status is RUNNING, COMPENSATING, COMPLETED, COMPENSATED or COMPENSATION_FAILED.
 *
 * @param startedAt the time of the first snapshot seen
 * @param updatedAt the time of the snapshot shown
 */
public record SagaView(String id, String type, String status, List<SagaStepView> steps, String orderId,
        Instant startedAt, Instant updatedAt) {

    public SagaView {
        steps = List.copyOf(steps);
    }

    public SagaView(String id, String type, String status, List<SagaStepView> steps) {
        this(id, type, status, steps, null, null, null);
    }
}
