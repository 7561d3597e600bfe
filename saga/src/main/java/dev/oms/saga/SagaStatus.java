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

    /**
     * COMPENSATING -> RUNNING: the undo of a pivot that succeeded while a compensation was waiting for it was refused
     * (the parcel had left), and the steps before it are intact, so the saga goes forward.
     * COMPENSATED -> COMPENSATING: a pivot that answered success after the saga had been compensated is undone.
     */
    private static final Map<SagaStatus, Set<SagaStatus>> NEXT = Map.of(
            RUNNING, EnumSet.of(COMPENSATING, COMPLETED),
            COMPENSATING, EnumSet.of(COMPENSATED, COMPENSATION_FAILED, RUNNING),
            COMPENSATION_FAILED, EnumSet.of(COMPENSATING),
            COMPLETED, EnumSet.noneOf(SagaStatus.class),
            COMPENSATED, EnumSet.of(COMPENSATING));

    public boolean canBecome(SagaStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Ended: nothing more to do unless a participant's late answer reopens a compensated saga. */
    public boolean isTerminal() {
        return this == COMPLETED || this == COMPENSATED;
    }
}
