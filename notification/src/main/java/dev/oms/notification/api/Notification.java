package dev.oms.notification.api;

import java.util.Map;

/**
 * One message to a customer.
 *
 * @param channel how it travels, e.g. {@code email} or {@code sms}
 * @param dedupKey the same key means the same notification: it is sent at most once
 */
public record Notification(
        String notificationId,
        String orderId,
        String customerId,
        String channel,
        String template,
        String recipient,
        String dedupKey,
        Map<String, String> params) {

    public Notification {
        params = Map.copyOf(params);
    }
}
