package dev.oms.webhooks.api;

import java.time.Instant;
import java.util.List;

/** A registered receiver. {@code previousSecretExpiresAt} is set while a rotated-out secret still signs. */
public record WebhookEndpoint(String id, String url, List<String> eventTypes, String description, String status,
                              Instant createdAt, Instant previousSecretExpiresAt) {
    public static final String ACTIVE = "ACTIVE";
    public static final String DISABLED = "DISABLED";

    public WebhookEndpoint {
        eventTypes = List.copyOf(eventTypes);
    }
}
