package dev.oms.projections.api;

/**
 * Order outcomes and speed, over every order the read side has seen.
 *
 * @param ordersConfirmed orders that reached CONFIRMED, whatever happened to them after
 * @param orderSuccessRate confirmed / (confirmed + rejected), or null before any order was decided
 * @param fulfillmentLatencyP50 median seconds from placing to DELIVERED, or null before any delivery
 * @param fulfillmentLatencyP95 95th percentile of the same, or null
 * @param ordersRefunded orders whose payment was refunded in part (a return, a cancelled rest, a lower edit) or whole
 * @param returnsRequested returns asked for, whatever became of them
 * @param returnsRefunded returns received and refunded
 */
public record BusinessMetrics(long ordersPlaced, long ordersConfirmed, long ordersRejected, long ordersDelivered,
        Double orderSuccessRate, Double fulfillmentLatencyP50, Double fulfillmentLatencyP95, long ordersRefunded,
        long returnsRequested, long returnsRefunded) {}
