package dev.oms.projections.api;

/**
 * Which orders a list shows; a null field does not filter.
 *
 * @param status an order status, e.g. CONFIRMED
 */
public record OrderFilter(String status, String customerId) {

    public static OrderFilter all() {
        return new OrderFilter(null, null);
    }
}
