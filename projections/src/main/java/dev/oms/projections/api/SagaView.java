package dev.oms.projections.api;

import java.util.List;

/** A saga's latest snapshot; status is RUNNING, COMPENSATING, COMPLETED or COMPENSATED. */
public record SagaView(String id, String type, String status, List<SagaStepView> steps) {

    public SagaView {
        steps = List.copyOf(steps);
    }
}
