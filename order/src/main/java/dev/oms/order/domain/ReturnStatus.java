package dev.oms.order.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A return's state machine, its allowed transitions here and nowhere else: REQUESTED (the warehouse expects the
 * parcel) -> RECEIVED (every unit judged restockable or damaged) -> REFUNDED (restocked and refunded: done), or
 * REQUESTED -> CANCELLED (withdrawn before the parcel arrived).
 */
public enum ReturnStatus {
    REQUESTED,
    RECEIVED,
    REFUNDED,
    CANCELLED;

    private static final Map<ReturnStatus, Set<ReturnStatus>> NEXT = Map.of(
            REQUESTED, EnumSet.of(RECEIVED, CANCELLED),
            RECEIVED, EnumSet.of(REFUNDED),
            REFUNDED, EnumSet.noneOf(ReturnStatus.class),
            CANCELLED, EnumSet.noneOf(ReturnStatus.class));

    public boolean canBecome(ReturnStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** True while the return still counts against the order's returnable units. */
    public boolean holdsUnits() {
        return this != CANCELLED;
    }
}
