package dev.oms.fulfillment.domain;

import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The life of a shipment: forward from CREATED to DELIVERED, or CANCELLED before it leaves the warehouse. */
public enum ShipmentStatus {
    CREATED,
    PICKED,
    PACKED,
    SHIPPED,
    DELIVERED,
    CANCELLED;

    private static final Map<ShipmentStatus, Set<ShipmentStatus>> ALLOWED = new EnumMap<>(ShipmentStatus.class);

    static {
        ALLOWED.put(CREATED, EnumSet.of(PICKED, CANCELLED));
        ALLOWED.put(PICKED, EnumSet.of(PACKED, CANCELLED));
        ALLOWED.put(PACKED, EnumSet.of(SHIPPED, CANCELLED));
        ALLOWED.put(SHIPPED, EnumSet.of(DELIVERED));
        ALLOWED.put(DELIVERED, EnumSet.noneOf(ShipmentStatus.class));
        ALLOWED.put(CANCELLED, EnumSet.noneOf(ShipmentStatus.class));
    }

    public boolean canMoveTo(ShipmentStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    /** Returns {@code next}, or throws when this status does not lead there. */
    public ShipmentStatus moveTo(ShipmentStatus next) {
        if (!canMoveTo(next)) {
            throw new IllegalTransitionException(this, next);
        }
        return next;
    }

    /** The next step on the way to delivery; throws from DELIVERED and CANCELLED. */
    public ShipmentStatus forward() {
        return ALLOWED.get(this).stream().filter(s -> s != CANCELLED).findFirst()
                .orElseThrow(() -> new IllegalTransitionException(this, null));
    }

    public boolean isFinal() {
        return ALLOWED.get(this).isEmpty();
    }

    /** True once the parcel is on its way or delivered: it can no longer be cancelled. */
    public boolean hasLeftWarehouse() {
        return this == SHIPPED || this == DELIVERED;
    }

    /**
     * True when every shipment that was not cancelled has reached {@code target} or gone past it, and there is at
     * least one such shipment. A shipment already delivered counts as shipped: the order has been shipped once the
     * last of its parcels leaves.
     */
    public static boolean allReached(Collection<ShipmentStatus> statuses, ShipmentStatus target) {
        var live = statuses.stream().filter(s -> s != CANCELLED).toList();
        return !live.isEmpty() && live.stream().allMatch(s -> s.ordinal() >= target.ordinal());
    }
}
