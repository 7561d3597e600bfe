package dev.oms.inventory.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a reservation: HELD, then COMMITTED (goods left), RELEASED (given back) or EXPIRED (nobody committed
 * in time). A committed reservation is released when its order is cancelled before shipping (the goods are
 * restocked); an expired one is committed when its order comes back for the units and they are still there.
 */
public enum ReservationStatus {
    HELD,
    COMMITTED,
    RELEASED,
    EXPIRED;

    private static final Map<ReservationStatus, Set<ReservationStatus>> ALLOWED = new EnumMap<>(ReservationStatus.class);

    static {
        ALLOWED.put(HELD, EnumSet.of(COMMITTED, RELEASED, EXPIRED));
        ALLOWED.put(COMMITTED, EnumSet.of(RELEASED));
        ALLOWED.put(RELEASED, EnumSet.noneOf(ReservationStatus.class));
        ALLOWED.put(EXPIRED, EnumSet.of(COMMITTED));
    }

    public boolean canMoveTo(ReservationStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    /** Returns {@code next}, or throws when this status does not lead there. */
    public ReservationStatus moveTo(ReservationStatus next) {
        if (!canMoveTo(next)) {
            throw new IllegalTransitionException(this, next);
        }
        return next;
    }

    /** True when the reservation holds no units and has none out of the warehouse: there is nothing to give back. */
    public boolean holdsNothing() {
        return this == RELEASED || this == EXPIRED;
    }
}
