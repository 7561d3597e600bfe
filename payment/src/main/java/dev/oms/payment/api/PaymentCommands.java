package dev.oms.payment.api;

/** What reaches the payment service from outside the platform directly: its provider's webhooks. */
public interface PaymentCommands {

    /**
     * A provider webhook as received: its Standard Webhooks headers (webhook-id, webhook-timestamp, webhook-signature)
     * and its body, unparsed, since the signature covers the bytes as sent. Accepted once per webhook id; a repeat is
     * answered as accepted and changes nothing.
     */
    WebhookReceipt receiveProviderWebhook(String webhookId, String timestamp, String signature, String body);
}
