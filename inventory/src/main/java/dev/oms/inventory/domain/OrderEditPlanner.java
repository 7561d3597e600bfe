package dev.oms.inventory.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plans the stock side of an edit of a committed order: the changes are netted per SKU; units put back come from the
 * order's own lines ({@link GiveBack}), extra units from available stock ({@link TopUp}). When an extra unit cannot
 * be served the whole edit is refused and nothing moves.
 */
public final class OrderEditPlanner {
    private static final Comparator<StockMove> BY_SKU_AND_WAREHOUSE =
            Comparator.comparing(StockMove::sku).thenComparing(StockMove::warehouse);

    private OrderEditPlanner() {}

    /**
     * @param held the order's committed lines
     * @param stock what every warehouse can still promise of the changed SKUs
     * @return the moves, at most one per SKU and warehouse, in (sku, warehouse) order; or why extra units are refused
     * @throws IllegalArgumentException for a change without SKU, or one that puts back more than the order holds
     */
    public static EditDecision plan(List<Allocation> held, List<QuantityChange> changes, List<Availability> stock) {
        List<StockMove> moves = new ArrayList<>();
        Map<String, Integer> needs = new TreeMap<>();
        for (Map.Entry<String, Integer> change : net(changes).entrySet()) {
            if (change.getValue() < 0) {
                moves.addAll(GiveBack.plan(held, change.getKey(), Math.negateExact(change.getValue())));
            } else if (change.getValue() > 0) {
                needs.put(change.getKey(), change.getValue());
            }
        }
        if (!needs.isEmpty()) {
            EditDecision extra = TopUp.plan(held, needs, stock);
            if (extra instanceof EditDecision.Refused) {
                return extra;
            }
            moves.addAll(((EditDecision.Moved) extra).moves());
        }
        return new EditDecision.Moved(moves.stream().sorted(BY_SKU_AND_WAREHOUSE).toList());
    }

    private static Map<String, Integer> net(List<QuantityChange> changes) {
        Map<String, Integer> net = new TreeMap<>();
        for (QuantityChange change : changes) {
            if (change.sku() == null || change.sku().isBlank()) {
                throw new IllegalArgumentException("an order edit's change has no SKU");
            }
            net.merge(change.sku(), change.quantity(), Math::addExact);
        }
        return net;
    }
}
