package dev.oms.bench.load;

import dev.oms.bench.OrderKind;
import java.util.List;

/** An order the bench is about to place: who buys what, and how it is meant to end. */
public record PlannedOrder(String customerId, List<Line> lines, OrderKind kind) {

    public record Line(String sku, int quantity, long unitPrice, String currency) {}

    public PlannedOrder {
        lines = List.copyOf(lines);
    }

    public String paymentToken() {
        return kind.paymentToken();
    }

    public long total() {
        return lines.stream().mapToLong(line -> line.unitPrice() * line.quantity()).sum();
    }

    public String currency() {
        return lines.get(0).currency();
    }
}
