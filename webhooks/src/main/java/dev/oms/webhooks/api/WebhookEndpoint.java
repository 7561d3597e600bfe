package dev.oms.webhooks.api;

import java.time.Instant;
import java.util.List;

/**
 * A registered receiver. {@code previousSecretExpiresAt} is set while a rotated-out secret still signs;
 * {@code failingAttempts} counts its failed attempts in a row, and {@code nextProbeAt} is set while it is taken as down
 * (one delivery at a time tries it then).
 */
public record WebhookEndpoint(String id, String url, List<String> eventTypes, String description, String status,
                              Instant createdAt, Instant previousSecretExpiresAt, int failingAttempts,
                              Instant nextProbeAt) {
    public static final String ACTIVE = "ACTIVE";
    public static final String DISABLED = "DISABLED";

    public WebhookEndpoint {
        eventTypes = List.copyOf(eventTypes);
    }
}
