package dev.oms.inventory.domain;

import java.util.List;

/** What the allocator decided for an order: where every unit comes from, or why it cannot be served. */
public sealed interface AllocationDecision {

    record Allocated(List<Allocation> allocations) implements AllocationDecision {
        public Allocated {
            allocations = List.copyOf(allocations);
        }
    }

    record Refused(List<String> skus, String reason) implements AllocationDecision {
        public Refused {
            skus = List.copyOf(skus);
        }
    }
}
