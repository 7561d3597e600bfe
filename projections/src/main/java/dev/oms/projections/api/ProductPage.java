package dev.oms.projections.api;

import java.util.List;

/**
 * One page of products, Relay-style.
 *
 * @param endCursor the cursor of the last edge, or null for an empty page
 * @param totalCount the number of products in the whole catalog
 */
public record ProductPage(List<ProductEdge> edges, boolean hasNextPage, String endCursor, int totalCount) {

    public ProductPage {
        edges = List.copyOf(edges);
    }
}
