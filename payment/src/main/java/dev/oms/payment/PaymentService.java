package dev.oms.payment;

import dev.oms.contracts.payment.v1.PaymentAuthorized;
import dev.oms.contracts.payment.v1.PaymentDeclined;
import dev.oms.contracts.payment.v1.AuthorizationVoided;
import dev.oms.contracts.payment.v1.IncrementAuthorized;
import dev.oms.contracts.payment.v1.IncrementReleased;
import dev.oms.contracts.payment.v1.PaymentCaptured;
import dev.oms.contracts.payment.v1.PaymentCaptureFailed;
import dev.oms.contracts.payment.v1.PaymentRefunded;
import dev.oms.contracts.Channels;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.ServiceRuntime;
import dev.oms.messaging.Subscription;
import dev.oms.payment.adapters.PaymentCommandHandler;
import dev.oms.payment.adapters.PaymentTable;
import dev.oms.payment.adapters.ProviderWebhooks;
import dev.oms.payment.api.PaymentCommands;
import dev.oms.payment.api.WebhookReceipt;
import dev.oms.payment.adapters.SandboxPaymentProvider;
import dev.oms.payment.api.PaymentProvider;
import java.util.List;

/**
 * The payment service: authorizes, voids, captures and refunds order payments, on the commands of its topic, and takes
 * its provider's webhooks (authorizations confirmed later). An order edit with a higher total adds an increment: an
 * authorization of its own, captured or released by the edit's operation id.
 */
public final class PaymentService implements PaymentCommands {
    public static final String NAME = "payment";
    /**
     * The secret provider webhooks are signed with when OMS_PAYMENT_WEBHOOK_SECRET sets none: a development secret,
     * published, so never for real money.
     */
    public static final String DEVELOPMENT_WEBHOOK_SECRET = "whsec_" + java.util.Base64.getEncoder()
            .encodeToString("oms development webhook secret!!".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private final PaymentCommandHandler handler;
    private final ProviderWebhooks webhooks;

    private PaymentService(ServiceRuntime runtime, PaymentProvider provider, String webhookSecret) {
        PaymentTable payments = new PaymentTable();
        this.webhooks = new ProviderWebhooks(runtime.transactions(), webhookSecret, payments);
        this.handler = new PaymentCommandHandler(payments, provider, webhooks);
    }

    /** The secret provider webhooks are signed with: OMS_PAYMENT_WEBHOOK_SECRET, else the development one. */
    public static String webhookSecret() {
        String secret = System.getenv("OMS_PAYMENT_WEBHOOK_SECRET");
        return secret == null || secret.isBlank() ? DEVELOPMENT_WEBHOOK_SECRET : secret.trim();
    }

    @Override
    public WebhookReceipt receiveProviderWebhook(String webhookId, String timestamp, String signature, String body) {
        return webhooks.receiveProviderWebhook(webhookId, timestamp, signature, body);
    }

    /**
     * Registers with the sandbox provider on the service's own pool, its books still in their own schema
     * (payment_provider, migrated here). The launcher gives the sandbox a pool of its own instead.
     */
    public static PaymentService register(ServiceRuntime runtime) {
        return register(runtime, SandboxPaymentProvider.migrated(runtime.transactions().dataSource(),
                runtime.transactions().clock()));
    }

    /** Registers its subscriptions and jobs on the runtime. The caller runs runtime.migrate() before and runtime.start() after. */
    public static PaymentService register(ServiceRuntime runtime, PaymentProvider provider) {
        PaymentService service = new PaymentService(runtime, provider, webhookSecret());
        runtime.produces(PaymentAuthorized.getDefaultInstance(), PaymentDeclined.getDefaultInstance(),
                AuthorizationVoided.getDefaultInstance(), PaymentCaptured.getDefaultInstance(),
                PaymentCaptureFailed.getDefaultInstance(), PaymentRefunded.getDefaultInstance(),
                IncrementAuthorized.getDefaultInstance(), IncrementReleased.getDefaultInstance());
        runtime.subscribe(Subscription.of(NAME, List.of(Channels.PAYMENT_COMMANDS), service.handler.types(), service.handler));
        return service;
    }

    MessageHandler handler() {
        return handler;
    }
}
