package dev.oms.order.domain;

import java.util.UUID;

/** Order and return ids are UUIDs; anything else names nothing here. */
public final class OrderIds {
    private OrderIds() {}

    public static boolean isUuid(String id) {
        try {
            UUID.fromString(id);
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }
}
