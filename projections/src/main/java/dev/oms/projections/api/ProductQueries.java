package dev.oms.projections.api;

import java.util.Optional;

/** Reads the product catalog with its stock, ordered by sku. */
public interface ProductQueries {

    int MAX_PAGE_SIZE = 100;

    /**
     * Up to {@code first} products after the one the opaque {@code after} cursor points at (from the start when
     * null).
     *
     * @throws IllegalArgumentException when {@code first} is negative or above {@link #MAX_PAGE_SIZE}
     * @throws InvalidCursorException when {@code after} is not a cursor this API handed out
     */
    default ProductPage products(int first, String after) {
        return products(first, after, null);
    }

    /**
     * As {@link #products(int, String)}, only products whose sku or name contains {@code query} (ignoring case; null
     * or blank matches all); totalCount counts the matches.
     */
    ProductPage products(int first, String after, String query);

    Optional<ProductView> product(String sku);
}
