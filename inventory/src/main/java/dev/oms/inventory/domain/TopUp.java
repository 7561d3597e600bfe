package dev.oms.inventory.domain;

import dev.oms.inventory.domain.AllocationDecision.Allocated;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where an order edit's extra units come from, so that the order ships in as few parcels as it can: first the
 * warehouses that already hold that SKU for the order (largest line first), then the other warehouses the order
 * ships from, and what they cannot serve from wherever the {@link Allocator} would take it for a new order.
 */
final class TopUp {
    private final List<Allocation> held;
    private final List<Availability> stock;
    private final Map<String, Long> left = new HashMap<>();
    private final List<StockMove> moves = new ArrayList<>();

    private TopUp(List<Allocation> held, List<Availability> stock) {
        this.held = held;
        this.stock = stock;
        stock.forEach(a -> left.put(key(a.sku(), a.warehouse()), a.available()));
    }

    static EditDecision plan(List<Allocation> held, Map<String, Integer> needs, List<Availability> stock) {
        return new TopUp(held, stock).plan(needs);
    }

    private EditDecision plan(Map<String, Integer> needs) {
        List<RequestedLine> rest = new ArrayList<>();
        for (Map.Entry<String, Integer> need : needs.entrySet()) {
            int missing = fromTheOrdersLines(need.getKey(), need.getValue());
            if (missing > 0) {
                rest.add(new RequestedLine(need.getKey(), missing));
            }
        }
        Set<String> shipsFrom = held.stream().map(Allocation::warehouse).collect(Collectors.toSet());
        List<RequestedLine> elsewhere = new ArrayList<>();
        for (RequestedLine line : rest) {
            AllocationDecision decision = Allocator.decide(List.of(line),
                    remaining().stream().filter(a -> shipsFrom.contains(a.warehouse())).toList());
            if (decision instanceof Allocated allocated) {
                take(allocated);
            } else {
                elsewhere.add(line);
            }
        }
        if (!elsewhere.isEmpty()) {
            AllocationDecision decision = Allocator.decide(elsewhere, remaining());
            if (decision instanceof AllocationDecision.Refused refused) {
                return new EditDecision.Refused(refused.skus(), refused.reason());
            }
            take((Allocated) decision);
        }
        return new EditDecision.Moved(moves);
    }

    /** Takes what it can of the SKU where the order already holds it; returns how many units are still missing. */
    private int fromTheOrdersLines(String sku, int units) {
        int missing = units;
        for (Allocation line : GiveBack.linesOf(held, sku)) {
            int taken = (int) Math.min(missing, left.getOrDefault(key(sku, line.warehouse()), 0L));
            if (taken > 0) {
                take(new Allocation(sku, line.warehouse(), taken));
                missing -= taken;
            }
        }
        return missing;
    }

    private void take(Allocated allocated) {
        allocated.allocations().forEach(this::take);
    }

    private void take(Allocation allocation) {
        moves.add(new StockMove(allocation.sku(), allocation.warehouse(), allocation.quantity()));
        left.merge(key(allocation.sku(), allocation.warehouse()), (long) -allocation.quantity(), Long::sum);
    }

    private List<Availability> remaining() {
        return stock.stream().map(a -> new Availability(a.sku(), a.warehouse(), left.get(key(a.sku(), a.warehouse()))))
                .toList();
    }

    private static String key(String sku, String warehouse) {
        return sku + "\u0000" + warehouse;
    }
}
