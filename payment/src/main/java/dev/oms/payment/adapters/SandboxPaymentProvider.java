package dev.oms.payment.adapters;

import dev.oms.payment.adapters.SandboxLedger.Entry;
import dev.oms.payment.adapters.SandboxLedger.Operation;
import dev.oms.payment.api.AuthorizationResult;
import dev.oms.payment.api.AuthorizationResult.Approved;
import dev.oms.payment.api.AuthorizationResult.Declined;
import dev.oms.payment.api.CaptureResult;
import dev.oms.payment.api.Money;
import dev.oms.payment.api.PaymentProvider;
import dev.oms.payment.api.PaymentProviderException;
import dev.oms.payment.api.PaymentProviderTimeoutException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The payment provider for development and tests, its books in a schema of its own (a real provider is outside our
 * database). Tokens: {@value #APPROVE} approves; {@value #DECLINE} declines with {@code card_declined};
 * {@value #TIMEOUT} holds the funds but never answers; {@value #FLAKY} fails the first {@value #FLAKY_FAILURES}
 * attempts of a key with a retryable error, then approves; {@value #CAPTURE_FAILS_ONCE} approves, then refuses the
 * first capture of a key; {@value #SINGLE_USE} approves an order's first authorization and declines any other with
 * {@code card_not_reusable}; any other token declines with {@code invalid_payment_token}. The ledger books each
 * idempotency key once and answers a repeat with the recorded outcome. Tokens starting {@value #PENDING} are
 * authorized later: pending until {@link SandboxConsole} decides them and sends the provider's webhook.
 */
public final class SandboxPaymentProvider implements PaymentProvider {
    public static final String SCHEMA = SandboxLedger.SCHEMA;
    public static final String APPROVE = "sandbox_ok";
    public static final String DECLINE = "sandbox_decline";
    public static final String TIMEOUT = "sandbox_timeout";
    public static final String FLAKY = "sandbox_flaky";
    public static final String CAPTURE_FAILS_ONCE = "sandbox_capture_fails_once";
    /** A one-time token (a wallet's): approves the order's first authorization, declines any later one (an edit's). */
    public static final String SINGLE_USE = "sandbox_single_use";
    /** Tokens that start so are authorized later: pending until the sandbox's console decides and sends the webhook. */
    public static final String PENDING = "sandbox_pending";
    static final int FLAKY_FAILURES = 2;

    private final SandboxLedger ledger;
    private final Clock clock;

    private SandboxPaymentProvider(DataSource dataSource, Clock clock) {
        this.ledger = new SandboxLedger(dataSource);
        this.clock = clock;
    }

    /**
     * Brings the sandbox's schema ({@value #SCHEMA}, migrations from {@code classpath:db/payment_provider}) up to
     * date and returns the provider on it. {@code dataSource} should be a pool of its own; the caller closes it.
     */
    public static SandboxPaymentProvider migrated(DataSource dataSource, Clock clock) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/" + SCHEMA)
                .load()
                .migrate();
        return new SandboxPaymentProvider(dataSource, clock);
    }

    @Override
    public AuthorizationResult authorize(String idempotencyKey, String orderId, String paymentToken, Money amount) {
        if (paymentToken.startsWith(PENDING)) {
            return authorizeLater(idempotencyKey, orderId, paymentToken, amount);
        }
        if (TIMEOUT.equals(paymentToken)) {
            ledger.bookOnce(authorization(idempotencyKey, orderId, paymentToken, amount), clock.instant());
            ledger.recordAttempt(idempotencyKey, Operation.AUTHORIZE, orderId, "UNANSWERED", clock.instant());
            throw new PaymentProviderTimeoutException("sandbox: no answer to authorization " + idempotencyKey, null);
        }
        if (FLAKY.equals(paymentToken) && ledger.attempts(idempotencyKey, Operation.AUTHORIZE) < FLAKY_FAILURES) {
            ledger.recordAttempt(idempotencyKey, Operation.AUTHORIZE, orderId, "FAILED", clock.instant());
            throw new PaymentProviderException("sandbox: a flaky failure of " + idempotencyKey, null);
        }
        Entry booked = ledger.bookOnce(SINGLE_USE.equals(paymentToken) && ledger.approvedElsewhere(orderId, idempotencyKey)
                ? authorization(idempotencyKey, orderId, paymentToken, amount, "DECLINED", null, "card_not_reusable",
                        "a one-time token cannot authorize again")
                : authorization(idempotencyKey, orderId, paymentToken, amount), clock.instant());
        ledger.recordAttempt(idempotencyKey, Operation.AUTHORIZE, orderId, booked.outcome(), clock.instant());
        return booked.outcome().equals("APPROVED")
                ? new Approved(booked.authorizationId())
                : new Declined(booked.declineCode(), booked.declineReason());
    }

    /**
     * As an asynchronous provider answers: the first call of a key is pending whatever was decided (the answer comes by
     * webhook); a repeat answers the decision once there is one.
     */
    private AuthorizationResult authorizeLater(String key, String orderId, String token, Money amount) {
        // A decision taken ahead belongs to the first authorization with the token; a later one (an order edit's
        // increment, with the order's token) is an authorization of its own, pending with an id of its own.
        Optional<SandboxLedger.Decision> decided = ledger.authorizedElsewhere(token, key) ? Optional.empty()
                : ledger.decisionFor(token);
        Entry booked = ledger.bookOnce(new Entry(key, Operation.AUTHORIZE, orderId, amount.amount(), amount.currency(),
                decided.map(SandboxLedger.Decision::outcome).orElse("PENDING"),
                decided.map(SandboxLedger.Decision::authorizationId).orElseGet(() -> "sbx_auth_" + UUID.randomUUID()),
                token, decided.filter(d -> d.outcome().equals("DECLINED")).map(d -> "authentication_failed").orElse(null),
                decided.filter(d -> d.outcome().equals("DECLINED"))
                        .map(d -> "the card holder did not confirm the payment").orElse(null)), clock.instant());
        boolean first = ledger.attempts(key, Operation.AUTHORIZE) == 0;
        ledger.recordAttempt(key, Operation.AUTHORIZE, orderId, booked.outcome(), clock.instant());
        if (first || booked.outcome().equals("PENDING")) {
            return new AuthorizationResult.Pending(token);
        }
        return booked.outcome().equals("APPROVED") ? new Approved(booked.authorizationId())
                : new Declined(booked.declineCode(), booked.declineReason());
    }

    /** The sandbox's console: decides a pending authorization (see {@link SandboxConsole}). */
    SandboxLedger.Decision decide(String reference, boolean approve) {
        return ledger.decide(reference, approve, clock.instant());
    }

    @Override
    public CaptureResult capture(String idempotencyKey, String orderId, String authorizationId, Money amount) {
        Entry authorization = requireApproved(authorizationId);
        requireNot(authorizationId, Operation.VOID);
        boolean first = ledger.attempts(idempotencyKey, Operation.CAPTURE) == 0;
        if (first && CAPTURE_FAILS_ONCE.equals(authorization.paymentToken())) {
            ledger.recordAttempt(idempotencyKey, Operation.CAPTURE, orderId, "REFUSED", clock.instant());
            return new CaptureResult.Refused("sandbox: the first capture of " + idempotencyKey + " is refused");
        }
        book(idempotencyKey, Operation.CAPTURE, orderId, amount, "CAPTURED", authorizationId);
        return new CaptureResult.Captured();
    }

    @Override
    public void voidAuthorization(String idempotencyKey, String orderId, String authorizationId) {
        Optional<Entry> voided = ledger.booked(idempotencyKey).filter(e -> e.operation() == Operation.VOID);
        if (voided.isPresent()) { // a repeat: answered as recorded, whatever the order holds now
            ledger.recordAttempt(idempotencyKey, Operation.VOID, orderId, voided.get().outcome(), clock.instant());
            return;
        }
        Entry held = authorizationId != null ? requireApproved(authorizationId)
                : ledger.openAuthorizationOf(orderId).orElse(null);
        if (held == null) {
            ledger.recordAttempt(idempotencyKey, Operation.VOID, orderId, "NOTHING_HELD", clock.instant());
            return;
        }
        requireNot(held.authorizationId(), Operation.CAPTURE);
        book(idempotencyKey, Operation.VOID, orderId, new Money(held.amount(), held.currency()), "VOIDED",
                held.authorizationId());
    }

    @Override
    public void refund(String idempotencyKey, String orderId, String authorizationId, Money amount) {
        requireApproved(authorizationId);
        if (ledger.bookedOn(authorizationId, Operation.CAPTURE).isEmpty()) {
            throw new PaymentProviderException("sandbox: nothing captured on " + authorizationId + " to refund", null);
        }
        Entry booked = ledger.bookRefund(new Entry(idempotencyKey, Operation.REFUND, orderId, amount.amount(),
                amount.currency(), "REFUNDED", authorizationId, null, null, null), clock.instant());
        ledger.recordAttempt(idempotencyKey, Operation.REFUND, orderId, booked.outcome(), clock.instant());
    }

    private void book(String key, Operation operation, String orderId, Money amount, String outcome,
                      String authorizationId) {
        Entry booked = ledger.bookOnce(new Entry(key, operation, orderId, amount.amount(), amount.currency(), outcome,
                authorizationId, null, null, null), clock.instant());
        ledger.recordAttempt(key, operation, orderId, booked.outcome(), clock.instant());
    }

    private static Entry authorization(String key, String orderId, String token, Money amount) {
        boolean approves = APPROVE.equals(token) || TIMEOUT.equals(token) || FLAKY.equals(token)
                || CAPTURE_FAILS_ONCE.equals(token) || SINGLE_USE.equals(token);
        if (approves) {
            return authorization(key, orderId, token, amount, "APPROVED", "sbx_auth_" + UUID.randomUUID(), null, null);
        }
        if (DECLINE.equals(token)) {
            return authorization(key, orderId, token, amount, "DECLINED", null, "card_declined", "the card was declined");
        }
        return authorization(key, orderId, token, amount, "DECLINED", null, "invalid_payment_token",
                "unknown payment token");
    }

    private static Entry authorization(String key, String orderId, String token, Money amount, String outcome,
                                       String authorizationId, String code, String reason) {
        return new Entry(key, Operation.AUTHORIZE, orderId, amount.amount(), amount.currency(), outcome,
                authorizationId, token, code, reason);
    }

    private Entry requireApproved(String authorizationId) {
        return ledger.approvedAuthorization(authorizationId).orElseThrow(() ->
                new PaymentProviderException("sandbox has no approved authorization " + authorizationId, null));
    }

    private void requireNot(String authorizationId, Operation done) {
        if (ledger.bookedOn(authorizationId, done).isPresent()) {
            throw new PaymentProviderException("sandbox: authorization " + authorizationId + " has a " + done, null);
        }
    }
}
