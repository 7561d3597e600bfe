package dev.oms.inventory.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Which of an order's lines put units of a SKU back: the largest line first, ties by warehouse name. */
final class GiveBack {
    private static final Comparator<Allocation> LARGEST_FIRST =
            Comparator.comparingInt(Allocation::quantity).reversed().thenComparing(Allocation::warehouse);

    private GiveBack() {}

    /** The (negative) moves that put {@code units} of the SKU back; more than the order holds is refused. */
    static List<StockMove> plan(List<Allocation> held, String sku, int units) {
        List<Allocation> lines = linesOf(held, sku);
        long holds = lines.stream().mapToLong(Allocation::quantity).sum();
        if (holds < units) {
            throw new IllegalArgumentException("cannot put back " + units + " of " + sku + ": the order holds " + holds);
        }
        List<StockMove> moves = new ArrayList<>();
        int left = units;
        for (Allocation line : lines) {
            if (left == 0) {
                break;
            }
            int given = Math.min(left, line.quantity());
            moves.add(new StockMove(sku, line.warehouse(), -given));
            left -= given;
        }
        return moves;
    }

    /** The order's lines of the SKU, largest first: the order of preference to give back, and to take more from. */
    static List<Allocation> linesOf(List<Allocation> held, String sku) {
        return held.stream().filter(line -> line.sku().equals(sku)).sorted(LARGEST_FIRST).toList();
    }
}
