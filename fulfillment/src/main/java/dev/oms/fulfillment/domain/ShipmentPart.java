package dev.oms.fulfillment.domain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What of a shipment an operator ships now ("ship what is there"): all of it, or some of its units, which then leave
 * as a shipment of their own while the rest stays; never units it does not carry.
 */
public final class ShipmentPart {
    private ShipmentPart() {}

    public sealed interface Verdict permits Whole, Part, Refused {}

    /** Everything the shipment carries. */
    public record Whole() implements Verdict {}

    /** These units, fewer than the shipment carries. */
    public record Part(List<ShipmentLine> units) implements Verdict {}

    public record Refused(String message) implements Verdict {}

    /** {@code asked}: units per sku (no warehouse needed); empty means everything. */
    public static Verdict of(List<ShipmentLine> carried, List<ShipmentLine> asked) {
        if (asked == null || asked.isEmpty()) {
            return new Whole();
        }
        Map<String, ShipmentLine> bySku = new HashMap<>();
        carried.forEach(line -> bySku.put(line.sku(), line));
        Set<String> seen = new HashSet<>();
        int leftBehind = carried.stream().mapToInt(ShipmentLine::quantity).sum();
        for (ShipmentLine line : asked) {
            ShipmentLine has = bySku.get(line.sku());
            if (has == null) {
                return new Refused(line.sku() + " is not in this shipment");
            }
            if (!seen.add(line.sku())) {
                return new Refused(line.sku() + " is listed twice");
            }
            if (line.quantity() < 1 || line.quantity() > has.quantity()) {
                return new Refused(line.sku() + ": between 1 and " + has.quantity() + " units can ship");
            }
            leftBehind -= line.quantity();
        }
        if (leftBehind == 0) {
            return new Whole();
        }
        return new Part(asked.stream().map(l -> new ShipmentLine(l.sku(), bySku.get(l.sku()).warehouse(), l.quantity()))
                .toList());
    }
}
