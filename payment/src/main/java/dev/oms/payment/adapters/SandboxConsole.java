package dev.oms.payment.adapters;

import dev.oms.payment.domain.WebhookSignature;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox provider's console, playing the card holder and the provider: decides a pending authorization
 * (token {@value SandboxPaymentProvider#PENDING}...) and returns the webhook the provider sends about it, signed with
 * the platform's webhook secret, to be POSTed to the BFF's /webhooks/payments. A decision may come before the
 * authorization is asked for.
 */
public final class SandboxConsole {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SandboxLedger ledger;
    private final WebhookSignature signature;
    private final Clock clock;

    public SandboxConsole(DataSource providerBooks, String webhookSecret, Clock clock) {
        this.ledger = new SandboxLedger(providerBooks);
        this.signature = new WebhookSignature(webhookSecret);
        this.clock = clock;
    }

    /** A webhook as sent: its Standard Webhooks headers and body. */
    public record SignedWebhook(String id, String timestamp, String signature, String body) {}

    public SignedWebhook decide(String reference, boolean approve) {
        SandboxLedger.Decision decision = ledger.decide(reference, approve, clock.instant());
        return webhookOf(decision);
    }

    /** The webhook about a decision, as the provider would send it (again: a new id each time). */
    public SignedWebhook webhookOf(SandboxLedger.Decision decision) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reference", decision.reference());
        data.put("authorization_id", decision.authorizationId());
        if (!decision.outcome().equals("APPROVED")) {
            data.put("code", "authentication_failed");
            data.put("reason", "the card holder did not confirm the payment");
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", decision.outcome().equals("APPROVED") ? ProviderWebhooks.SUCCEEDED : ProviderWebhooks.FAILED);
        event.put("data", data);
        String body = JSON.writeValueAsString(event);
        String id = "msg_" + UUID.randomUUID();
        long timestamp = clock.instant().getEpochSecond();
        return new SignedWebhook(id, Long.toString(timestamp), signature.sign(id, timestamp, body), body);
    }
}
