package dev.oms.projections.api;

import java.util.List;

/**
 * One page of a list, Relay-style, paged forward by keyset.
 *
 * @param endCursor the cursor of the last edge, or null for an empty page
 * @param totalCount how many items match the filter over all pages
 */
public record Page<T>(List<Edge<T>> edges, boolean hasNextPage, String endCursor, int totalCount) {

    /** The most items one page may hold. */
    public static final int MAX_SIZE = 100;

    public Page {
        edges = List.copyOf(edges);
    }

    public static <T> Page<T> of(List<Edge<T>> edges, boolean hasNextPage, int totalCount) {
        return new Page<>(edges, hasNextPage, edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor(),
                totalCount);
    }

    /** Checks a requested page size; the message is safe to show to a client. */
    public static void checkSize(int first) {
        if (first < 0 || first > MAX_SIZE) {
            throw new IllegalArgumentException("first must be between 0 and " + MAX_SIZE);
        }
    }
}
