package dev.oms.bench.load;

import dev.oms.bench.Catalog;
import dev.oms.bench.Catalog.Product;
import dev.oms.bench.Mix;
import dev.oms.bench.OrderKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Makes up the orders: 1 to 3 different products, 1 to 3 units each, for one of a hundred customers; a LIMITED
 * order asks one unit more of the limited product than it ever had. Seeded, so a run can be repeated.
 */
public final class OrderPlanner {
    public static final int CUSTOMERS = 100;
    private final Catalog catalog;
    private final Mix mix;
    private final Random random;

    public OrderPlanner(Catalog catalog, Mix mix, long seed) {
        this.catalog = catalog;
        this.mix = mix;
        this.random = new Random(seed);
    }

    public synchronized PlannedOrder next() {
        String customer = customerId(random.nextInt(CUSTOMERS));
        OrderKind kind = mix.pick(random);
        if (kind == OrderKind.LIMITED) {
            Product limited = catalog.limited();
            return new PlannedOrder(customer, List.of(line(limited, catalog.limitedStock() + 1)), kind);
        }
        List<Product> shuffled = new ArrayList<>(catalog.products());
        Collections.shuffle(shuffled, random);
        List<PlannedOrder.Line> lines = new ArrayList<>();
        for (Product product : shuffled.subList(0, Math.min(shuffled.size(), 1 + random.nextInt(3)))) {
            lines.add(line(product, 1 + random.nextInt(3)));
        }
        return new PlannedOrder(customer, lines, kind);
    }

    public static String customerId(int index) {
        return "bench-" + index;
    }

    private static PlannedOrder.Line line(Product product, int quantity) {
        return new PlannedOrder.Line(product.sku(), quantity, product.unitPrice(), product.currency());
    }
}
