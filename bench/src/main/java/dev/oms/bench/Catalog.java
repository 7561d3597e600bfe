package dev.oms.bench;

import java.util.List;

/**
 * What the platform sells, as far as the bench needs it: the products it orders freely, and the one with little
 * stock that a LIMITED order over-asks. Prices matter only to {@code --direct}, which builds checkouts itself.
 */
public record Catalog(List<Product> products, Product limited, int limitedStock) {

    public record Product(String sku, long unitPrice, String currency) {}

    public Catalog {
        products = List.copyOf(products);
        if (products.isEmpty()) {
            throw new IllegalArgumentException("a catalog needs products");
        }
    }
}
