package dev.oms.payment;

import dev.oms.contracts.payment.v1.PaymentAuthorized;
import dev.oms.contracts.payment.v1.PaymentDeclined;
import dev.oms.contracts.payment.v1.AuthorizationVoided;
import dev.oms.contracts.payment.v1.PaymentCaptured;
import dev.oms.contracts.payment.v1.PaymentCaptureFailed;
import dev.oms.contracts.payment.v1.PaymentRefunded;
import dev.oms.contracts.Channels;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.ServiceRuntime;
import dev.oms.messaging.Subscription;
import dev.oms.payment.adapters.PaymentCommandHandler;
import dev.oms.payment.adapters.PaymentTable;
import dev.oms.payment.adapters.SandboxPaymentProvider;
import dev.oms.payment.api.PaymentProvider;
import java.util.List;

/** The payment service: authorizes, voids, captures and refunds order payments, on the commands of its topic. */
public final class PaymentService {
    public static final String NAME = "payment";

    private final PaymentCommandHandler handler;

    private PaymentService(PaymentProvider provider) {
        this.handler = new PaymentCommandHandler(new PaymentTable(), provider);
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
        PaymentService service = new PaymentService(provider);
        runtime.produces(PaymentAuthorized.getDefaultInstance(), PaymentDeclined.getDefaultInstance(),
                AuthorizationVoided.getDefaultInstance(), PaymentCaptured.getDefaultInstance(),
                PaymentCaptureFailed.getDefaultInstance(), PaymentRefunded.getDefaultInstance());
        runtime.subscribe(Subscription.of(NAME, List.of(Channels.PAYMENT_COMMANDS), service.handler.types(), service.handler));
        return service;
    }

    MessageHandler handler() {
        return handler;
    }
}
