package dev.oms.webhooks.api;

import java.time.Instant;
import java.util.List;

/**
 * One event for one endpoint. {@code id} is the {@code webhook-id} header of every attempt; status is PENDING,
 * DELIVERED or FAILED (gave up after the retry schedule).
 */
public record WebhookDelivery(String id, String endpointId, String messageId, String eventType, String status,
                              int attempts, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt,
                              List<WebhookAttempt> attemptLog) {
    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";

    public WebhookDelivery {
        attemptLog = List.copyOf(attemptLog);
    }
}
