package dev.oms.app.platform;

import dev.oms.payment.api.AuthorizationResult;
import dev.oms.payment.api.CaptureResult;
import dev.oms.payment.api.Money;
import dev.oms.payment.api.PaymentProvider;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A payment provider whose every call is timed as {@code oms_provider_call_seconds{provider,operation,outcome}};
 * outcome is ok, or the exception's simple name when the provider did not answer.
 */
final class TimedPaymentProvider implements PaymentProvider {
    private final PaymentProvider provider;
    private final String name;

    TimedPaymentProvider(PaymentProvider provider, String name) {
        this.provider = provider;
        this.name = name;
    }

    @Override
    public AuthorizationResult authorize(String idempotencyKey, String orderId, String paymentToken,
            Money amount) {
        return timed("authorize", () -> provider.authorize(idempotencyKey, orderId, paymentToken, amount));
    }

    @Override
    public CaptureResult capture(String idempotencyKey, String orderId, String authorizationId,
            Money amount) {
        return timed("capture", () -> provider.capture(idempotencyKey, orderId, authorizationId, amount));
    }

    @Override
    public void voidAuthorization(String idempotencyKey, String orderId, String authorizationId) {
        timed("void", () -> {
            provider.voidAuthorization(idempotencyKey, orderId, authorizationId);
            return null;
        });
    }

    @Override
    public void refund(String idempotencyKey, String orderId, String authorizationId,
            Money amount) {
        timed("refund", () -> {
            provider.refund(idempotencyKey, orderId, authorizationId, amount);
            return null;
        });
    }

    private <T> T timed(String operation, Supplier<T> call) {
        long start = System.nanoTime();
        String outcome = "ok";
        try {
            return call.get();
        } catch (RuntimeException e) {
            outcome = e.getClass().getSimpleName();
            throw e;
        } finally {
            Timer.builder("oms.provider.call").description("Time of one call to an external provider")
                    .tags("provider", name, "operation", operation, "outcome", outcome)
                    .publishPercentileHistogram().register(Metrics.globalRegistry)
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }
}
