package dev.oms.bff;

import dev.oms.projections.api.InvalidCursorException;
import dev.oms.projections.api.Money;
import dev.oms.projections.api.ProductEdge;
import dev.oms.projections.api.ProductPage;
import dev.oms.projections.api.ProductQueries;
import dev.oms.projections.api.ProductView;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** A fixed catalog of five products, SKU-1 to SKU-5, paged by sku like the real projection. */
final class FakeProductQueries implements ProductQueries {
    static final String BROKEN_SKU = "SKU-BROKEN";
    static final List<ProductView> CATALOG = List.of(
            product("SKU-1", "Anvil", 4_999, 12),
            product("SKU-2", "Bellows", 2_500, 0),
            product("SKU-3", "Chisel", 899, 40),
            product("SKU-4", "Drill", 12_000_000_000L, 3),
            product("SKU-5", "Emery board", 150, 1_000));

    private static ProductView product(String sku, String name, long cents, long available) {
        return new ProductView(sku, name, new Money(cents, "EUR"), available);
    }

    @Override
    public ProductPage products(int first, String after, String query) {
        String afterSku = after == null ? "" : skuOf(after);
        String text = query == null ? "" : query.toLowerCase(java.util.Locale.ROOT);
        List<ProductView> matching = CATALOG.stream()
                .filter(p -> (p.sku() + " " + p.name()).toLowerCase(java.util.Locale.ROOT).contains(text)).toList();
        List<ProductView> rest = matching.stream().filter(p -> p.sku().compareTo(afterSku) > 0).toList();
        List<ProductEdge> edges = rest.stream().limit(first).map(p -> new ProductEdge(cursor(p.sku()), p)).toList();
        return new ProductPage(edges, rest.size() > first, edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor(),
                matching.size());
    }

    @Override
    public Optional<ProductView> product(String sku) {
        if (sku.equals(BROKEN_SKU)) {
            throw new IllegalStateException("ERROR: relation \"product_view\" does not exist; jdbc:postgresql://db:5432/oms");
        }
        return CATALOG.stream().filter(p -> p.sku().equals(sku)).findFirst();
    }

    private static String cursor(String sku) {
        return Base64.getEncoder().encodeToString(sku.getBytes(StandardCharsets.UTF_8));
    }

    private static String skuOf(String cursor) {
        try {
            return new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException(cursor);
        }
    }
}
