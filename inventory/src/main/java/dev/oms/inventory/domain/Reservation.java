package dev.oms.inventory.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Units held for one order, by warehouse. Its transitions return the reservation in its new status. */
public record Reservation(String orderId, ReservationStatus status, List<Allocation> lines) {

    public Reservation {
        lines = List.copyOf(lines);
    }

    public static Reservation held(String orderId, List<Allocation> lines) {
        return new Reservation(orderId, ReservationStatus.HELD, lines);
    }

    public Reservation release() {
        return new Reservation(orderId, status.moveTo(ReservationStatus.RELEASED), lines);
    }

    public Reservation commit() {
        return new Reservation(orderId, status.moveTo(ReservationStatus.COMMITTED), lines);
    }

    public Reservation expire() {
        return new Reservation(orderId, status.moveTo(ReservationStatus.EXPIRED), lines);
    }

    /**
     * The committed reservation after an order edit moved units: lines grow, shrink, appear or go. Putting back more
     * than a line holds is refused.
     */
    public Reservation move(List<StockMove> moves) {
        if (status != ReservationStatus.COMMITTED) {
            throw new IllegalStateException("only a committed order's units move with an edit; the reservation of order "
                    + orderId + " is " + status);
        }
        Map<String, Map<String, Integer>> units = new TreeMap<>();
        lines.forEach(line -> units.computeIfAbsent(line.sku(), sku -> new TreeMap<>())
                .merge(line.warehouse(), line.quantity(), Math::addExact));
        for (StockMove move : moves) {
            int after = units.computeIfAbsent(move.sku(), sku -> new TreeMap<>())
                    .merge(move.warehouse(), move.quantity(), Math::addExact);
            if (after < 0) {
                throw new IllegalStateException("order " + orderId + " holds " + (after - move.quantity()) + " of "
                        + move.sku() + " in " + move.warehouse() + ", cannot put back " + -move.quantity());
            }
        }
        List<Allocation> moved = new ArrayList<>();
        units.forEach((sku, byWarehouse) -> byWarehouse.forEach((warehouse, quantity) -> {
            if (quantity > 0) {
                moved.add(new Allocation(sku, warehouse, quantity));
            }
        }));
        return new Reservation(orderId, status, moved);
    }

    /** Units of the SKU this reservation holds in the warehouse. */
    public int units(String sku, String warehouse) {
        return lines.stream().filter(line -> line.sku().equals(sku) && line.warehouse().equals(warehouse))
                .mapToInt(Allocation::quantity).sum();
    }
}
