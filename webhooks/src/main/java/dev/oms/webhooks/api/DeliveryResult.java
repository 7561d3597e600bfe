package dev.oms.webhooks.api;

/** A delivery after a command, or the refusal. */
public record DeliveryResult(WebhookDelivery delivery, WebhookError error) {

    public static DeliveryResult refused(String field, String message, String code) {
        return new DeliveryResult(null, new WebhookError(field, message, code));
    }
}
