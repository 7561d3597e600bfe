package dev.oms.webhooks.api;

/** An endpoint after a command, with its new secret when the command made one (else null), or the refusal. */
public record EndpointResult(WebhookEndpoint endpoint, String secret, WebhookError error) {

    public static EndpointResult refused(String field, String message, String code) {
        return new EndpointResult(null, null, new WebhookError(field, message, code));
    }
}
