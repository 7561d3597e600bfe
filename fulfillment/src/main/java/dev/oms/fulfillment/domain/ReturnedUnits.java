package dev.oms.fulfillment.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an operator found in a returned parcel, checked against what the return announced, and placed in the
 * warehouses the units had left from (each warehouse takes back at most what it shipped of the sku), so restockable
 * units go back on sale where they came from.
 */
public final class ReturnedUnits {
    private ReturnedUnits() {}

    /** Units of one sku as received: restockable (back on sale) and damaged (refunded, not restocked). */
    public record Received(String sku, int restockable, int damaged) {}

    /** Units of one sku received back into one warehouse. */
    public record Placed(String sku, String warehouse, int restockable, int damaged) {}

    /** The receipt's verdict: placed units, or why it cannot be taken as it is. */
    public sealed interface Verdict permits Accepted, Refused {}

    public record Accepted(List<Placed> units) implements Verdict {}

    public record Refused(String field, String message) implements Verdict {}

    /**
     * {@code expected}: units per sku the return announced; {@code shipped}: the order's shipped lines. Fewer units than
     * announced may arrive (only what arrived is refunded); none at all, an sku not announced, more than announced
     * or negative counts are refused.
     */
    public static Verdict judge(Map<String, Integer> expected, List<Received> received, List<ShipmentLine> shipped) {
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (Received line : received) {
            if (!expected.containsKey(line.sku())) {
                return new Refused("units", line.sku() + " is not part of this return");
            }
            if (!seen.add(line.sku())) {
                return new Refused("units", line.sku() + " is listed twice");
            }
            if (line.restockable() < 0 || line.damaged() < 0) {
                return new Refused("units", line.sku() + ": counts are zero or more");
            }
            if (line.restockable() + line.damaged() > expected.get(line.sku())) {
                return new Refused("units", line.sku() + ": " + (line.restockable() + line.damaged())
                        + " units received, the return announced " + expected.get(line.sku()));
            }
            total += line.restockable() + line.damaged();
        }
        if (total == 0) {
            return new Refused("units", "a receipt takes at least one unit");
        }
        List<Placed> placed = new ArrayList<>();
        for (Received line : received) {
            if (!place(line, shipped, placed)) {
                return new Refused("units", line.sku() + ": more units than the order's shipments carried");
            }
        }
        return new Accepted(List.copyOf(placed));
    }

    private static boolean place(Received line, List<ShipmentLine> shipped, List<Placed> placed) {
        int restockable = line.restockable();
        int damaged = line.damaged();
        List<ShipmentLine> from = shipped.stream().filter(s -> s.sku().equals(line.sku()))
                .sorted(Comparator.comparing(ShipmentLine::warehouse)).toList();
        for (ShipmentLine shipment : from) {
            int room = shipment.quantity();
            int back = Math.min(room, restockable);
            int broken = Math.min(room - back, damaged);
            if (back + broken > 0) {
                placed.add(new Placed(line.sku(), shipment.warehouse(), back, broken));
            }
            restockable -= back;
            damaged -= broken;
        }
        return restockable == 0 && damaged == 0;
    }
}
