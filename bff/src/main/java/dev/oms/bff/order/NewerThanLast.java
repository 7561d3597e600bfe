package dev.oms.bff.order;

import dev.oms.projections.api.OrderUpdate;
import java.util.function.Predicate;

/**
 * Lets an order update through only if it is newer than the last one let through: the first read of the current
 * status may race with the first live updates, and must neither repeat one nor send the order back. Two changes of
 * one transaction share a time, so a different status at the same time still counts as new. One per subscription.
 */
final class NewerThanLast implements Predicate<OrderUpdate> {
    private OrderUpdate last;

    @Override
    public boolean test(OrderUpdate update) {
        boolean newer = last == null || update.occurredAt().isAfter(last.occurredAt())
                || (update.occurredAt().equals(last.occurredAt()) && !update.status().equals(last.status()));
        if (newer) {
            last = update;
        }
        return newer;
    }
}
