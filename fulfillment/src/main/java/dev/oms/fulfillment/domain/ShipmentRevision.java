package dev.oms.fulfillment.domain;

import dev.oms.fulfillment.domain.ShipmentPlan.Parcel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An order edit applied to the order's shipments: signed units per sku and warehouse. Units are added to the
 * warehouse's open shipment (a new shipment where the order has none open), or taken off its lines (a line at 0 goes);
 * a shipment left without lines is cancelled. Nothing else about a shipment changes: its status and hold stay.
 * Refused, changing nothing, once a parcel of the order has left, when the order has no shipment that is not
 * cancelled, or when a change takes off more units than the line carries.
 */
public final class ShipmentRevision {
    private ShipmentRevision() {}

    /** A shipment of the order and the lines it carries. */
    public record Carrying(Shipment shipment, List<ShipmentLine> lines) {
        public Carrying {
            lines = List.copyOf(lines);
        }
    }

    /** Units of one sku to add (positive) or take off (negative) in one warehouse. */
    public record Change(String sku, String warehouse, int quantity) {}

    public sealed interface Verdict permits Revised, Refused {}

    /**
     * {@code changed}: shipments that stay, with all their lines after the edit; {@code created}: the lines of new
     * shipments, one per warehouse; {@code cancelled}: shipments left without lines, in their cancelled state.
     */
    public record Revised(List<Carrying> changed, List<Parcel> created, List<Shipment> cancelled) implements Verdict {
        public Revised {
            changed = List.copyOf(changed);
            created = List.copyOf(created);
            cancelled = List.copyOf(cancelled);
        }
    }

    public record Refused(String reason) implements Verdict {}

    /** {@code shipments}: all of the order's, cancelled and split-off ones included. */
    public static Verdict of(List<Carrying> shipments, List<Change> changes) {
        if (shipments.isEmpty()) {
            return new Refused("the order has no shipments");
        }
        Optional<Shipment> gone = shipments.stream().map(Carrying::shipment)
                .filter(s -> s.status().hasLeftWarehouse()).findFirst();
        if (gone.isPresent()) {
            return new Refused("shipment " + gone.get().shipmentId() + " from " + gone.get().warehouse() + " is "
                    + gone.get().status());
        }
        // Nothing has left, so nothing was split off: a warehouse has at most one open shipment.
        Map<String, Carrying> open = new LinkedHashMap<>();
        shipments.stream().filter(c -> !c.shipment().status().isFinal())
                .forEach(c -> open.putIfAbsent(c.shipment().warehouse(), c));
        if (open.isEmpty()) {
            return new Refused("the order's shipments were cancelled");
        }
        Map<String, Map<String, Long>> deltas = new TreeMap<>();
        for (Change change : changes) {
            if (isBlank(change.sku()) || isBlank(change.warehouse())) {
                return new Refused("every change needs a SKU and a warehouse");
            }
            deltas.computeIfAbsent(change.warehouse(), w -> new TreeMap<>())
                    .merge(change.sku(), (long) change.quantity(), Long::sum);
        }
        List<Carrying> changed = new ArrayList<>();
        List<Parcel> created = new ArrayList<>();
        List<Shipment> cancelled = new ArrayList<>();
        for (Map.Entry<String, Map<String, Long>> warehouse : deltas.entrySet()) {
            Carrying shipment = open.get(warehouse.getKey());
            Map<String, Long> units = new TreeMap<>();
            if (shipment != null) {
                shipment.lines().forEach(line -> units.merge(line.sku(), (long) line.quantity(), Long::sum));
            }
            boolean touched = false;
            for (Map.Entry<String, Long> delta : warehouse.getValue().entrySet()) {
                if (delta.getValue() == 0) {
                    continue;
                }
                long carried = units.getOrDefault(delta.getKey(), 0L);
                long after = carried + delta.getValue();
                if (after < 0) {
                    return new Refused(delta.getKey() + " in " + warehouse.getKey() + ": " + -delta.getValue()
                            + " units cannot be taken off, the shipment carries " + carried);
                }
                if (after > Integer.MAX_VALUE) {
                    return new Refused(delta.getKey() + " in " + warehouse.getKey() + ": too many units");
                }
                if (after == 0) {
                    units.remove(delta.getKey());
                } else {
                    units.put(delta.getKey(), after);
                }
                touched = true;
            }
            if (!touched) {
                continue;
            }
            List<ShipmentLine> lines = units.entrySet().stream()
                    .map(u -> new ShipmentLine(u.getKey(), warehouse.getKey(), Math.toIntExact(u.getValue()))).toList();
            if (shipment == null) {
                created.add(new Parcel(warehouse.getKey(), lines));
            } else if (lines.isEmpty()) {
                cancelled.add(shipment.shipment().cancel());
            } else {
                changed.add(new Carrying(shipment.shipment(), lines));
            }
        }
        return new Revised(changed, created, cancelled);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
