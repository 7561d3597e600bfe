package dev.oms.order.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * An order edit's state machine: REQUESTED (its ReviseOrder saga runs) -> APPLIED (the order has the new lines and
 * total, stock and payment follow them) or FAILED (undone: stock and payment as before, the order unchanged).
 */
public enum EditStatus {
    REQUESTED,
    APPLIED,
    FAILED;

    private static final Map<EditStatus, Set<EditStatus>> NEXT = Map.of(
            REQUESTED, EnumSet.of(APPLIED, FAILED),
            APPLIED, EnumSet.noneOf(EditStatus.class),
            FAILED, EnumSet.noneOf(EditStatus.class));

    public boolean canBecome(EditStatus next) {
        return NEXT.get(this).contains(next);
    }
}
