package dev.oms.payment.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The life of a payment, its allowed transitions in one place. */
public enum PaymentStatus {
    AUTHORIZING,
    AUTHORIZED,
    DECLINED,
    VOIDED,
    CAPTURED,
    PARTIALLY_REFUNDED,
    REFUNDED;

    private static final Map<PaymentStatus, Set<PaymentStatus>> ALLOWED = new EnumMap<>(PaymentStatus.class);

    static {
        // VOIDED from AUTHORIZING: the provider never answered and the saga gave up on it
        ALLOWED.put(AUTHORIZING, EnumSet.of(AUTHORIZED, DECLINED, VOIDED));
        ALLOWED.put(AUTHORIZED, EnumSet.of(CAPTURED, VOIDED));
        ALLOWED.put(CAPTURED, EnumSet.of(PARTIALLY_REFUNDED, REFUNDED));
        ALLOWED.put(PARTIALLY_REFUNDED, EnumSet.of(PARTIALLY_REFUNDED, REFUNDED));
        ALLOWED.put(DECLINED, EnumSet.noneOf(PaymentStatus.class));
        ALLOWED.put(VOIDED, EnumSet.noneOf(PaymentStatus.class));
        ALLOWED.put(REFUNDED, EnumSet.noneOf(PaymentStatus.class));
    }

    public boolean canMoveTo(PaymentStatus next) {
        return ALLOWED.get(this).contains(next);
    }

    /** Returns {@code next}, or throws when this status does not lead there. */
    public PaymentStatus moveTo(PaymentStatus next) {
        if (!canMoveTo(next)) {
            throw new IllegalTransitionException(this, next);
        }
        return next;
    }

    /** True once the funds were taken, whatever was refunded since. */
    public boolean wasCaptured() {
        return this == CAPTURED || this == PARTIALLY_REFUNDED || this == REFUNDED;
    }
}
