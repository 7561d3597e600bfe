package dev.oms.fulfillment.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A return the warehouse expects: received once, or withdrawn before that; its transitions here and nowhere else. */
public enum ReturnReceiptStatus {
    EXPECTED,
    RECEIVED,
    CANCELLED;

    private static final Map<ReturnReceiptStatus, Set<ReturnReceiptStatus>> NEXT = Map.of(
            EXPECTED, EnumSet.of(RECEIVED, CANCELLED),
            RECEIVED, EnumSet.noneOf(ReturnReceiptStatus.class),
            CANCELLED, EnumSet.noneOf(ReturnReceiptStatus.class));

    public ReturnReceiptStatus moveTo(ReturnReceiptStatus next) {
        if (!NEXT.get(this).contains(next)) {
            throw new IllegalStateException("a return receipt cannot move from " + this + " to " + next);
        }
        return next;
    }
}
