package dev.oms.payment.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The life of an increment: authorized, then captured or released (VOIDED); DECLINED when never authorized. */
public enum IncrementStatus {
    AUTHORIZED,
    CAPTURED,
    VOIDED,
    DECLINED;

    private static final Map<IncrementStatus, Set<IncrementStatus>> ALLOWED = new EnumMap<>(IncrementStatus.class);

    static {
        ALLOWED.put(AUTHORIZED, EnumSet.of(CAPTURED, VOIDED));
        ALLOWED.put(CAPTURED, EnumSet.noneOf(IncrementStatus.class)); // refunds are counted, the status stays
        ALLOWED.put(VOIDED, EnumSet.noneOf(IncrementStatus.class));
        ALLOWED.put(DECLINED, EnumSet.noneOf(IncrementStatus.class));
    }

    public boolean canMoveTo(IncrementStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    /** Returns {@code next}, or throws IllegalStateException when this status does not lead there. */
    public IncrementStatus moveTo(IncrementStatus next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("an increment cannot move from " + this + " to " + next);
        }
        return next;
    }
}
