package dev.oms.projections.api;

import java.time.Instant;

/**
 * One message of an order's history, as its envelope described it.
 *
 * @param type the message type, e.g. {@code oms.order.v1.OrderStatusChanged}
 * @param causationId the message that caused this one, or null
 * @param producer the service that emitted it
 * @param sagaId the saga the message belongs to, or null
 * @param payload the payload as JSON (Protobuf field names) as the audit log keeps it; null in the timeline
 */
public record OrderEventView(String messageId, String type, Instant occurredAt, String causationId, String producer,
        String sagaId, String payload) {}
