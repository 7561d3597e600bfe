package dev.oms.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever an edit asks, the planner moves exactly the net change, from real lines and available stock, or refuses. */
class OrderEditPlannerPropertyTest {
    private static final List<String> SKUS = List.of("cup", "mug", "tea");
    private static final List<String> WAREHOUSES = List.of("east", "north", "south");

    record Edit(List<Allocation> held, List<QuantityChange> changes, List<Availability> stock) {}

    @Property
    void movesExactlyTheNetChangeOrRefuses(@ForAll("edits") Edit edit) {
        Map<String, Integer> net = new TreeMap<>();
        edit.changes().forEach(c -> net.merge(c.sku(), c.quantity(), Integer::sum));
        boolean putsBackTooMuch = net.entrySet().stream().anyMatch(n -> -n.getValue() > held(edit, n.getKey()));
        boolean lacksStock = net.entrySet().stream().anyMatch(n -> n.getValue() > available(edit, n.getKey()));
        if (putsBackTooMuch) {
            assertThatThrownBy(() -> OrderEditPlanner.plan(edit.held(), edit.changes(), edit.stock()))
                    .isInstanceOf(IllegalArgumentException.class);
            return;
        }
        EditDecision decision = OrderEditPlanner.plan(edit.held(), edit.changes(), edit.stock());
        assertThat(decision instanceof EditDecision.Refused).isEqualTo(lacksStock);
        if (decision instanceof EditDecision.Moved moved) {
            assertMovesAreSound(edit, net, moved.moves());
        }
    }

    private static void assertMovesAreSound(Edit edit, Map<String, Integer> net, List<StockMove> moves) {
        Map<String, Integer> movedBySku = moves.stream()
                .collect(Collectors.groupingBy(StockMove::sku, TreeMap::new, Collectors.summingInt(StockMove::quantity)));
        net.values().removeIf(units -> units == 0);
        assertThat(movedBySku).isEqualTo(net);
        assertThat(new HashSet<>(moves.stream().map(m -> m.sku() + "@" + m.warehouse()).toList())).hasSameSizeAs(moves);
        for (StockMove move : moves) {
            long limit = move.quantity() > 0 ? availableIn(edit, move) : heldIn(edit, move);
            assertThat((long) Math.abs(move.quantity())).isLessThanOrEqualTo(limit);
        }
        Reservation committed = Reservation.held("o", edit.held()).commit();
        assertThat(committed.move(moves).move(moves.stream().map(StockMove::reversed).toList()).lines())
                .isEqualTo(committed.lines());
    }

    @Provide
    Arbitrary<Edit> edits() {
        int rows = SKUS.size() * WAREHOUSES.size();
        Arbitrary<List<Integer>> heldUnits = Arbitraries.integers().between(0, 4).list().ofSize(rows);
        Arbitrary<List<Integer>> availableUnits = Arbitraries.integers().between(-1, 6).list().ofSize(rows);
        Arbitrary<List<QuantityChange>> changes = Combinators.combine(
                        Arbitraries.of("cup", "mug", "tea", "hat"), Arbitraries.integers().between(-6, 6))
                .as(QuantityChange::new).list().ofMaxSize(5);
        return Combinators.combine(heldUnits, availableUnits, changes).as((held, available, asked) -> {
            List<Allocation> lines = new ArrayList<>();
            List<Availability> stock = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                String sku = SKUS.get(i / WAREHOUSES.size());
                String warehouse = WAREHOUSES.get(i % WAREHOUSES.size());
                if (held.get(i) > 0) {
                    lines.add(new Allocation(sku, warehouse, held.get(i)));
                }
                if (available.get(i) >= 0) {
                    stock.add(new Availability(sku, warehouse, available.get(i)));
                }
            }
            return new Edit(lines, asked, stock);
        });
    }

    private static long held(Edit edit, String sku) {
        return edit.held().stream().filter(l -> l.sku().equals(sku)).mapToLong(Allocation::quantity).sum();
    }

    private static long available(Edit edit, String sku) {
        return edit.stock().stream().filter(a -> a.sku().equals(sku)).mapToLong(Availability::available).sum();
    }

    private static long heldIn(Edit edit, StockMove move) {
        return edit.held().stream().filter(l -> l.sku().equals(move.sku()) && l.warehouse().equals(move.warehouse()))
                .mapToLong(Allocation::quantity).sum();
    }

    private static long availableIn(Edit edit, StockMove move) {
        return edit.stock().stream().filter(a -> a.sku().equals(move.sku()) && a.warehouse().equals(move.warehouse()))
                .mapToLong(Availability::available).sum();
    }
}
