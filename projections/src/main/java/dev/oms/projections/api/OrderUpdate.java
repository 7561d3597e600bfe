package dev.oms.projections.api;

import java.time.Instant;

/**
 * An order's status as of {@code occurredAt}, the time of the event that set it; its owner decides who may see it.
 * {@code placedAt} is when the order was placed, so that listeners can tell how long it took to get here.
 */
public record OrderUpdate(String orderId, String customerId, String status, Instant occurredAt, Instant placedAt) {}
