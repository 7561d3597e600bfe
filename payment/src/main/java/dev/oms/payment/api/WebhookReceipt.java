package dev.oms.payment.api;

/**
 * How a provider webhook was taken: {@code status} is the HTTP status to answer (204 applied or kept for later, 200 a
 * repeat, 400 unsigned, stale or unreadable: the provider should not send it again, 503 not now: it should),
 * {@code message} says why.
 */
public record WebhookReceipt(int status, String message) {

    public static WebhookReceipt taken(String message) {
        return new WebhookReceipt(204, message);
    }

    public static WebhookReceipt repeat() {
        return new WebhookReceipt(200, "already received");
    }

    public static WebhookReceipt refused(String message) {
        return new WebhookReceipt(400, message);
    }
}
