package dev.oms.saga;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The saga instance state machine; the allowed transitions live here and nowhere else. */
public enum SagaStatus {
    RUNNING,
    COMPENSATING,
    COMPLETED,
    COMPENSATED,
    /** Compensation spent its retry budget: an alert is open until an operator retries it. */
    COMPENSATION_FAILED;

    private static final Map<SagaStatus, Set<SagaStatus>> NEXT = Map.of(
            RUNNING, EnumSet.of(COMPENSATING, COMPLETED),
            COMPENSATING, EnumSet.of(COMPENSATED, COMPENSATION_FAILED),
            COMPENSATION_FAILED, EnumSet.of(COMPENSATING),
            COMPLETED, EnumSet.noneOf(SagaStatus.class),
            COMPENSATED, EnumSet.noneOf(SagaStatus.class));

    public boolean canBecome(SagaStatus next) {
        return NEXT.get(this).contains(next);
    }

    public boolean isTerminal() {
        return NEXT.get(this).isEmpty();
    }
}
