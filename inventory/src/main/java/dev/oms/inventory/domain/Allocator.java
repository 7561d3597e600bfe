package dev.oms.inventory.domain;

import dev.oms.inventory.domain.AllocationDecision.Allocated;
import dev.oms.inventory.domain.AllocationDecision.Refused;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Decides where an order's units come from. One warehouse that can serve every line wins (one parcel); the
 * warehouse with the most of the requested SKUs available is preferred, so the others keep their stock. Otherwise
 * each line is taken from the warehouses with the most available, split across them when one is not enough.
 */
public final class Allocator {
    private static final Comparator<Availability> MOST_AVAILABLE_FIRST =
            Comparator.comparingLong(Availability::available).reversed().thenComparing(Availability::warehouse);

    private Allocator() {}

    public static AllocationDecision decide(List<RequestedLine> requested, List<Availability> stock) {
        Optional<Refused> invalid = RequestValidation.check(requested);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        Map<String, Integer> needs = needsBySku(requested);
        Map<String, List<Availability>> bySku = stock.stream()
                .filter(a -> a.available() > 0)
                .collect(Collectors.groupingBy(Availability::sku));
        Optional<Refused> shortage = shortage(needs, stock, bySku);
        if (shortage.isPresent()) {
            return shortage.get();
        }
        return new Allocated(oneWarehouse(needs, bySku).orElseGet(() -> split(needs, bySku)));
    }

    private static Map<String, Integer> needsBySku(List<RequestedLine> requested) {
        Map<String, Integer> needs = new LinkedHashMap<>();
        requested.forEach(line -> needs.merge(line.sku(), line.quantity(), Math::addExact));
        return needs;
    }

    private static Optional<Refused> shortage(
            Map<String, Integer> needs, List<Availability> stock, Map<String, List<Availability>> bySku) {
        List<String> unknown = new ArrayList<>();
        List<String> insufficient = new ArrayList<>();
        for (Map.Entry<String, Integer> need : needs.entrySet()) {
            if (stock.stream().noneMatch(a -> a.sku().equals(need.getKey()))) {
                unknown.add(need.getKey());
            } else if (total(bySku.getOrDefault(need.getKey(), List.of())) < need.getValue()) {
                insufficient.add(need.getKey());
            }
        }
        if (unknown.isEmpty() && insufficient.isEmpty()) {
            return Optional.empty();
        }
        List<String> skus = new ArrayList<>(unknown);
        skus.addAll(insufficient);
        return Optional.of(new Refused(skus, shortageReason(unknown, insufficient)));
    }

    private static String shortageReason(List<String> unknown, List<String> insufficient) {
        List<String> parts = new ArrayList<>();
        if (!unknown.isEmpty()) {
            parts.add("unknown SKU " + String.join(", ", unknown));
        }
        if (!insufficient.isEmpty()) {
            parts.add("not enough stock of " + String.join(", ", insufficient));
        }
        return String.join("; ", parts);
    }

    private static Optional<List<Allocation>> oneWarehouse(
            Map<String, Integer> needs, Map<String, List<Availability>> bySku) {
        Map<String, Map<String, Long>> byWarehouse = new LinkedHashMap<>();
        bySku.values().stream().flatMap(List::stream).forEach(a ->
                byWarehouse.computeIfAbsent(a.warehouse(), w -> new LinkedHashMap<>()).put(a.sku(), a.available()));
        return new TreeSet<>(byWarehouse.keySet()).stream()
                .filter(w -> needs.entrySet().stream()
                        .allMatch(n -> byWarehouse.get(w).getOrDefault(n.getKey(), 0L) >= n.getValue()))
                .max(Comparator.comparingLong((String w) -> totalOf(byWarehouse.get(w), needs))
                        .thenComparing(Comparator.<String>reverseOrder()))
                .map(w -> needs.entrySet().stream().map(n -> new Allocation(n.getKey(), w, n.getValue())).toList());
    }

    private static List<Allocation> split(Map<String, Integer> needs, Map<String, List<Availability>> bySku) {
        List<Allocation> allocations = new ArrayList<>();
        for (Map.Entry<String, Integer> need : needs.entrySet()) {
            int missing = need.getValue();
            for (Availability a : bySku.get(need.getKey()).stream().sorted(MOST_AVAILABLE_FIRST).toList()) {
                int taken = (int) Math.min(missing, a.available());
                allocations.add(new Allocation(a.sku(), a.warehouse(), taken));
                missing -= taken;
                if (missing == 0) {
                    break;
                }
            }
        }
        return allocations;
    }

    private static long totalOf(Map<String, Long> warehouse, Map<String, Integer> needs) {
        return needs.keySet().stream().mapToLong(sku -> warehouse.getOrDefault(sku, 0L)).sum();
    }

    private static long total(List<Availability> rows) {
        return rows.stream().mapToLong(Availability::available).sum();
    }
}
