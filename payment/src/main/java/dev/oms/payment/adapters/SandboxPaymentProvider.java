package dev.oms.payment.adapters;

import dev.oms.payment.adapters.SandboxLedger.Entry;
import dev.oms.payment.api.AuthorizationResult;
import dev.oms.payment.api.AuthorizationResult.Approved;
import dev.oms.payment.api.AuthorizationResult.Declined;
import dev.oms.payment.api.Money;
import dev.oms.payment.api.PaymentProvider;
import dev.oms.payment.api.PaymentProviderException;
import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The payment provider for development and tests. Token {@value #APPROVE} approves, {@value #DECLINE} declines
 * with {@code card_declined}, any other token declines with {@code invalid_payment_token}. Its ledger books each
 * idempotency key once and answers a repeat with the recorded outcome.
 */
public final class SandboxPaymentProvider implements PaymentProvider {
    public static final String APPROVE = "sandbox_ok";
    public static final String DECLINE = "sandbox_decline";

    private final SandboxLedger ledger;
    private final Clock clock;

    /** {@code dataSource} reaches the schema that holds the sandbox_ledger table (the payment schema). */
    public SandboxPaymentProvider(DataSource dataSource, Clock clock) {
        this.ledger = new SandboxLedger(dataSource);
        this.clock = clock;
    }

    @Override
    public AuthorizationResult authorize(String idempotencyKey, String orderId, String paymentToken, Money amount) {
        Entry booked = ledger.bookOnce(decide(idempotencyKey, orderId, paymentToken, amount), clock.instant());
        return booked.outcome().equals("APPROVED")
                ? new Approved(booked.authorizationId())
                : new Declined(booked.declineCode(), booked.declineReason());
    }

    @Override
    public void capture(String idempotencyKey, String orderId, String authorizationId, Money amount) {
        requireApproved(authorizationId);
        ledger.bookOnce(new Entry(idempotencyKey, "CAPTURE", orderId, amount.amount(), amount.currency(), "CAPTURED",
                authorizationId, null, null), clock.instant());
    }

    @Override
    public void voidAuthorization(String idempotencyKey, String orderId, String authorizationId) {
        requireApproved(authorizationId);
        ledger.bookOnce(new Entry(idempotencyKey, "VOID", orderId, null, null, "VOIDED", authorizationId, null, null),
                clock.instant());
    }

    private static Entry decide(String key, String orderId, String token, Money amount) {
        if (APPROVE.equals(token)) {
            return authorization(key, orderId, amount, "APPROVED", "sbx_auth_" + UUID.randomUUID(), null, null);
        }
        if (DECLINE.equals(token)) {
            return authorization(key, orderId, amount, "DECLINED", null, "card_declined", "the card was declined");
        }
        return authorization(key, orderId, amount, "DECLINED", null, "invalid_payment_token", "unknown payment token");
    }

    private static Entry authorization(String key, String orderId, Money amount, String outcome, String authorizationId,
                                       String code, String reason) {
        return new Entry(key, "AUTHORIZE", orderId, amount.amount(), amount.currency(), outcome, authorizationId, code,
                reason);
    }

    private void requireApproved(String authorizationId) {
        if (ledger.approvedAuthorization(authorizationId).isEmpty()) {
            throw new PaymentProviderException("sandbox has no approved authorization " + authorizationId, null);
        }
    }
}
