package dev.oms.projections.api;

import java.time.Instant;

/**
 * One event of an order's timeline, as its envelope described it.
 *
 * @param type the message type, e.g. {@code oms.order.v1.OrderStatusChanged}
 * @param causationId the message that caused this one, or null
 * @param producer the service that emitted it
 * @param sagaId the saga the event belongs to, or null
 */
public record OrderEventView(String messageId, String type, Instant occurredAt, String causationId, String producer,
        String sagaId) {}
