package dev.oms.inventory.domain;

import java.util.List;

/** What an order edit moves, per SKU and warehouse, or why its extra units cannot be served. */
public sealed interface EditDecision {

    record Moved(List<StockMove> moves) implements EditDecision {
        public Moved {
            moves = List.copyOf(moves);
        }
    }

    record Refused(List<String> skus, String reason) implements EditDecision {
        public Refused {
            skus = List.copyOf(skus);
        }
    }
}
