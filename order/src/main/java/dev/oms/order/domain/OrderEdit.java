package dev.oms.order.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether an order may be edited to these quantities, and what the edit changes: each line asked for gets its new
 * quantity (0 removes it; a sku not in the order is added at the catalog's price), lines not named stay. Units of a
 * line the order has are charged (or refunded) at the price paid; the total moves by exactly that difference. An order that would be left empty is refused:
 * that is a cancellation.
 */
public final class OrderEdit {
    /** At most this many units of one sku per edit: a typo guard, not a stock limit. */
    public static final int MAX_UNITS = 10_000;

    private OrderEdit() {}

    /** A line asked for: the sku's quantity after the edit. */
    public record Line(String sku, int quantity) {}

    /** An order line as it stands. */
    public record Held(int quantity, long unitPrice) {}

    /** A price a sku is listed at. */
    public record Price(long amount, String currency) {}

    /** A line the edit changes: its units before and after, at the price charged for it. */
    public record Changed(String sku, int previousQuantity, int quantity, long unitPrice) {
        public int delta() {
            return quantity - previousQuantity;
        }
    }

    public sealed interface Verdict permits Planned, Refused {}

    /** {@code difference}: positive is charged to the customer, negative refunded. */
    public record Planned(List<Changed> changes, long previousTotal, long newTotal) implements Verdict {
        public long difference() {
            return newTotal - previousTotal;
        }
    }

    /** {@code code}: INVALID_INPUT; {@code field}: the input concerned. */
    public record Refused(String code, String field, String message) implements Verdict {}

    /**
     * @param lines   the order's lines by sku, in a stable order
     * @param total   the order's total now (the difference is added to it, so what else it holds stays)
     * @param catalog the listed price of a sku not in the order, if listed
     */
    public static Verdict plan(Map<String, Held> lines, long total, String currency,
                               java.util.function.Function<String, Optional<Price>> catalog, List<Line> asked) {
        if (asked == null || asked.isEmpty()) {
            return new Refused("INVALID_INPUT", "lines", "name at least one line to change");
        }
        Set<String> seen = new HashSet<>();
        Map<String, Integer> after = new LinkedHashMap<>();
        lines.forEach((sku, held) -> after.put(sku, held.quantity()));
        Map<String, Long> prices = new LinkedHashMap<>();
        lines.forEach((sku, held) -> prices.put(sku, held.unitPrice()));
        for (Line line : asked) {
            if (line == null || line.sku() == null || line.sku().isBlank()) {
                return new Refused("INVALID_INPUT", "lines", "every line needs a sku");
            }
            if (!seen.add(line.sku())) {
                return new Refused("INVALID_INPUT", "lines", line.sku() + " is listed twice");
            }
            if (line.quantity() < 0 || line.quantity() > MAX_UNITS) {
                return new Refused("INVALID_INPUT", "lines", line.sku() + ": between 0 and " + MAX_UNITS + " units");
            }
            if (!prices.containsKey(line.sku())) {
                if (line.quantity() == 0) {
                    continue; // none of a sku the order does not have: nothing to change
                }
                Optional<Price> listed = catalog.apply(line.sku());
                if (listed.isEmpty()) {
                    return new Refused("INVALID_INPUT", "lines", line.sku() + " is not in the catalog");
                }
                if (!listed.get().currency().equals(currency)) {
                    return new Refused("INVALID_INPUT", "lines", line.sku() + " is listed in " + listed.get().currency()
                            + ", the order is in " + currency);
                }
                prices.put(line.sku(), listed.get().amount());
            }
            after.put(line.sku(), line.quantity());
        }
        List<Changed> changes = new ArrayList<>();
        long newTotal = total;
        for (Map.Entry<String, Long> price : prices.entrySet()) {
            String sku = price.getKey();
            int before = lines.containsKey(sku) ? lines.get(sku).quantity() : 0;
            int now = after.get(sku);
            if (now != before) {
                newTotal = Math.addExact(newTotal, Math.multiplyExact(price.getValue(), (long) (now - before)));
                changes.add(new Changed(sku, before, now, price.getValue()));
            }
        }
        if (changes.isEmpty()) {
            return new Refused("INVALID_INPUT", "lines", "the edit changes nothing");
        }
        if (after.values().stream().allMatch(q -> q == 0)) {
            return new Refused("INVALID_INPUT", "lines", "an edit cannot remove every line; cancel the order instead");
        }
        return new Planned(List.copyOf(changes), total, newTotal);
    }
}
