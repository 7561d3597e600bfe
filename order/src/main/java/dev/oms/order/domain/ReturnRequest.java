package dev.oms.order.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a customer may return these lines of an order, decided on the order as it is: delivered, within the return
 * window since delivery, a reason the shop accepts, skus of the order, and no more units than were bought less those
 * already on earlier returns. Accepted lines carry the unit price paid, which is what their refund will be.
 */
public final class ReturnRequest {
    private ReturnRequest() {}

    /** A line asked for. */
    public record Line(String sku, int quantity) {}

    /** An order line as bought: units and the unit price paid. */
    public record Bought(int quantity, long unitPrice) {}

    /** A line accepted for return, at the price paid. */
    public record Accepted(String sku, int quantity, long unitPrice) {}

    public sealed interface Verdict permits Granted, Refused {}

    public record Granted(List<Accepted> lines) implements Verdict {}

    /** {@code code}: RETURN_NOT_ALLOWED, RETURN_WINDOW_CLOSED or INVALID_INPUT; {@code field}: the input concerned. */
    public record Refused(String code, String field, String message) implements Verdict {}

    public static Verdict check(OrderStatus status, Instant deliveredAt, Instant now, Duration window,
                                Set<String> reasons, String reason, Map<String, Bought> bought,
                                Map<String, Integer> alreadyReturned, List<Line> lines) {
        if (status != OrderStatus.DELIVERED) {
            return new Refused("RETURN_NOT_ALLOWED", "orderId", "only a delivered order can be returned; this one is "
                    + status);
        }
        if (deliveredAt.plus(window).isBefore(now)) {
            return new Refused("RETURN_WINDOW_CLOSED", "orderId", "returns are accepted for " + window.toDays()
                    + " days after delivery");
        }
        if (reason == null || !reasons.contains(reason)) {
            return new Refused("INVALID_INPUT", "reason", "the reason must be one of " + reasons.stream().sorted().toList());
        }
        if (lines == null || lines.isEmpty()) {
            return new Refused("INVALID_INPUT", "lines", "name at least one line to return");
        }
        Set<String> seen = new HashSet<>();
        List<Accepted> accepted = new ArrayList<>();
        for (Line line : lines) {
            Bought of = line == null ? null : bought.get(line.sku());
            if (of == null) {
                return new Refused("INVALID_INPUT", "lines", (line == null ? "a line" : line.sku()) + " is not in the order");
            }
            if (!seen.add(line.sku())) {
                return new Refused("INVALID_INPUT", "lines", line.sku() + " is listed twice");
            }
            int returnable = of.quantity() - alreadyReturned.getOrDefault(line.sku(), 0);
            if (line.quantity() < 1 || line.quantity() > returnable) {
                return new Refused("INVALID_INPUT", "lines", line.sku() + ": between 1 and " + returnable
                        + " units can still be returned");
            }
            accepted.add(new Accepted(line.sku(), line.quantity(), of.unitPrice()));
        }
        return new Granted(List.copyOf(accepted));
    }

    /** The refund of what the warehouse received: every unit received, restockable or damaged, at the price paid. */
    public static long refund(Map<String, Long> unitPrices, Map<String, Integer> unitsReceived) {
        long total = 0;
        for (Map.Entry<String, Integer> received : unitsReceived.entrySet()) {
            total = Math.addExact(total, Math.multiplyExact(unitPrices.get(received.getKey()), (long) received.getValue()));
        }
        return total;
    }
}
