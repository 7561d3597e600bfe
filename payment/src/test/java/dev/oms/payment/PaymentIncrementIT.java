package dev.oms.payment;

import static dev.oms.payment.PaymentTestbed.authorize;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Message;
import dev.oms.contracts.common.v1.Money;
import dev.oms.contracts.payment.v1.AuthorizeIncrement;
import dev.oms.contracts.payment.v1.CapturePayment;
import dev.oms.contracts.payment.v1.IncrementAuthorized;
import dev.oms.contracts.payment.v1.IncrementReleased;
import dev.oms.contracts.payment.v1.PaymentCaptured;
import dev.oms.contracts.payment.v1.PaymentDeclined;
import dev.oms.contracts.payment.v1.PaymentRefunded;
import dev.oms.contracts.payment.v1.RefundPayment;
import dev.oms.contracts.payment.v1.ReleaseIncrement;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.testing.Stimulus;
import dev.oms.payment.adapters.SandboxConsole.SignedWebhook;
import dev.oms.payment.domain.PaymentLedgerException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Order edits on the payment side (issue 17): a higher total is an increment, an authorization of its own at the
 * provider, captured or released by the edit's operation id; refunds spread over the original and the increments.
 */
class PaymentIncrementIT {
    private static final String EDIT = "edit-1";

    private static PaymentTestbed testbed;

    private final String orderId = "order-" + UUID.randomUUID();
    private final String placeOrderSaga = "saga-" + UUID.randomUUID();
    private final String reviseSaga = "saga-" + UUID.randomUUID();
    private final String cancelSaga = "saga-" + UUID.randomUUID();

    @BeforeAll
    static void startService() {
        testbed = PaymentTestbed.start("payment_increment_it");
    }

    @AfterAll
    static void stopService() {
        testbed.close();
    }

    @BeforeEach
    void forgetEarlierMessages() {
        testbed.forgetEmitted();
    }

    @Test
    void anIncrementIsASecondAuthorizationCapturedByItsOperationIdOnce() {
        placeAndCapture("sandbox_ok");

        send(reviseSaga, increment(500, EDIT, "sandbox_ok"));

        IncrementAuthorized authorized = testbed.only(IncrementAuthorized.class);
        assertThat(authorized.getOperationId()).isEqualTo(EDIT);
        assertThat(authorized.getAmount().getAmount()).isEqualTo(500);
        assertThat(authorized.getAuthorizedTotal().getAmount()).isEqualTo(5490);
        assertThat(authorizations()).containsExactly("APPROVED 4990: captured 4990, refunded 0, voids 0",
                "APPROVED 500: captured 0, refunded 0, voids 0");
        assertThat(incrementColumn("authorization_id")).startsWith("sbx_auth_")
                .isNotEqualTo(paymentColumn("authorization_id"));
        assertThat(paymentColumn("amount")).isEqualTo("5490");
        assertThat(paymentColumn("status")).isEqualTo("CAPTURED");

        send(reviseSaga, increment(500, EDIT, "sandbox_ok"));
        testbed.send(orderId, "saga-" + UUID.randomUUID(), increment(500, EDIT, "sandbox_ok")); // even from a new saga
        assertThat(testbed.emitted(IncrementAuthorized.class)).hasSize(3).containsOnly(authorized);
        assertThat(testbed.ledgerOperations(orderId)).containsExactly("AUTHORIZE", "CAPTURE", "AUTHORIZE");
        testbed.forgetEmitted();

        send(reviseSaga, capture(500, EDIT));
        send(reviseSaga, capture(500, EDIT));

        List<PaymentCaptured> captured = testbed.emitted(PaymentCaptured.class);
        assertThat(captured).hasSize(2);
        assertThat(captured.get(1)).isEqualTo(captured.get(0));
        assertThat(captured.get(0).getOperationId()).isEqualTo(EDIT);
        assertThat(captured.get(0).getAmount().getAmount()).isEqualTo(500);
        assertThat(captured.get(0).getCapturedTotal().getAmount()).isEqualTo(5490);
        assertThat(paymentColumn("captured_amount")).isEqualTo("5490");
        assertThat(paymentColumn("status")).isEqualTo("CAPTURED");
        assertThat(incrementColumn("status")).isEqualTo("CAPTURED");
        assertThat(testbed.query("SELECT kind || ' ' || amount FROM payment_operation WHERE order_id = ?", orderId))
                .containsExactly("CAPTURE 500");
        assertThat(authorizations()).containsExactly("APPROVED 4990: captured 4990, refunded 0, voids 0",
                "APPROVED 500: captured 500, refunded 0, voids 0");
    }

    @Test
    void aCaptureForAnotherAmountThanTheIncrementsIsRefused() {
        placeAndCapture("sandbox_ok");
        send(reviseSaga, increment(500, EDIT, "sandbox_ok"));

        assertThatThrownBy(() -> send(reviseSaga, capture(499, EDIT))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> send(reviseSaga, capture(500, "edit-unknown"))).isInstanceOf(IllegalStateException.class);
        assertThat(incrementColumn("status")).isEqualTo("AUTHORIZED");
        assertThat(testbed.ledgerOperations(orderId)).containsExactly("AUTHORIZE", "CAPTURE", "AUTHORIZE");
    }

    @Test
    void aReleaseVoidsAnUncapturedIncrement() {
        placeAndCapture("sandbox_ok");
        send(reviseSaga, increment(500, EDIT, "sandbox_ok"));

        send(reviseSaga, release(EDIT));
        send(reviseSaga, release(EDIT));

        assertThat(testbed.emitted(IncrementReleased.class)).hasSize(2)
                .allSatisfy(r -> assertThat(r.getOperationId()).isEqualTo(EDIT));
        assertThat(incrementColumn("status")).isEqualTo("VOIDED");
        assertThat(paymentColumn("voided_amount")).isEqualTo("500");
        assertThat(paymentColumn("status")).isEqualTo("CAPTURED");
        assertThat(authorizations()).containsExactly("APPROVED 4990: captured 4990, refunded 0, voids 0",
                "APPROVED 500: captured 0, refunded 0, voids 1");
        assertThat(openHolds()).isEmpty();
        assertThatThrownBy(() -> send(reviseSaga, capture(500, EDIT))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCapturedIncrementCannotBeReleased() {
        placeAndCapture("sandbox_ok");
        send(reviseSaga, increment(500, EDIT, "sandbox_ok"));
        send(reviseSaga, capture(500, EDIT));

        assertThatThrownBy(() -> send(reviseSaga, release(EDIT))).isInstanceOf(IllegalStateException.class);
        assertThat(incrementColumn("status")).isEqualTo("CAPTURED");
    }

    @Test
    void aReleaseBeforeTheAuthorizationDeclinesItWhenItComes() {
        placeAndCapture("sandbox_ok");

        send(reviseSaga, release(EDIT));
        send(reviseSaga, increment(500, EDIT, "sandbox_ok"));

        assertThat(testbed.only(IncrementReleased.class).getOperationId()).isEqualTo(EDIT);
        assertThat(testbed.only(PaymentDeclined.class).getCode()).isEqualTo("INCREMENT_RELEASED");
        assertThat(testbed.emitted(IncrementAuthorized.class)).isEmpty();
        assertThat(testbed.ledgerOperations(orderId)).containsExactly("AUTHORIZE", "CAPTURE");
        assertThat(paymentColumn("amount")).isEqualTo("4990");
    }

    @Test
    void aDecliningTokenDeclinesTheIncrementAndARepeatAnswersTheSame() {
        placeAndCapture("sandbox_ok");

        send(reviseSaga, increment(500, EDIT, "sandbox_decline"));
        send(reviseSaga, increment(500, EDIT, "sandbox_decline"));

        List<PaymentDeclined> declined = testbed.emitted(PaymentDeclined.class);
        assertThat(declined).hasSize(2).allSatisfy(d -> assertThat(d.getCode()).isEqualTo("card_declined"));
        assertThat(declined.get(1)).isEqualTo(declined.get(0));
        assertThat(incrementColumn("status")).isEqualTo("DECLINED");
        assertThat(testbed.attempts(orderId)).containsExactly("AUTHORIZE:APPROVED", "CAPTURE:CAPTURED",
                "AUTHORIZE:DECLINED");
        assertThat(paymentColumn("amount")).isEqualTo("4990");
        send(reviseSaga, release(EDIT));
        assertThat(testbed.only(IncrementReleased.class).getOperationId()).isEqualTo(EDIT);
    }

    @Test
    void aTokenThatNeedsConfirmationIsVoidedAtOnceAndDeclined() {
        placeAndCapture("sandbox_ok");

        send(reviseSaga, increment(500, EDIT, "sandbox_pending_" + UUID.randomUUID()));

        assertThat(testbed.only(PaymentDeclined.class).getCode()).isEqualTo("CONFIRMATION_REQUIRED");
        assertThat(incrementColumn("status")).isEqualTo("DECLINED");
        assertThat(openHolds()).isEmpty();
        assertThat(authorizations()).containsExactly("APPROVED 4990: captured 4990, refunded 0, voids 0",
                "PENDING 500: captured 0, refunded 0, voids 1");
        assertThat(paymentColumn("amount")).isEqualTo("4990");
    }

    @Test
    void aPendingIncrementVoidsOnlyItselfNotAnotherIncrementHeld() {
        placeAndCapture("sandbox_ok");
        send(reviseSaga, increment(500, EDIT, "sandbox_ok"));

        String token = "sandbox_pending_" + UUID.randomUUID();
        send(reviseSaga, increment(300, "edit-2", token));
        send(reviseSaga, increment(300, "edit-2", token));

        assertThat(testbed.emitted(PaymentDeclined.class)).hasSize(2)
                .allSatisfy(d -> assertThat(d.getCode()).isEqualTo("CONFIRMATION_REQUIRED"));
        assertThat(openHolds()).containsExactly(incrementColumn("authorization_id"));
        send(reviseSaga, capture(500, EDIT));
        assertThat(paymentColumn("captured_amount")).isEqualTo("5490");
    }

    @Test
    void anIncrementWithTheTokenOfAConfirmedPaymentIsAnAuthorizationOfItsOwn() {
        String token = "sandbox_pending_" + UUID.randomUUID();
        SignedWebhook early = testbed.console().decide(token, true); // confirmed before the saga asked
        testbed.payment().receiveProviderWebhook(early.id(), early.timestamp(), early.signature(), early.body());
        send(placeOrderSaga, authorize(orderId, token, 4990));
        send(placeOrderSaga, CapturePayment.newBuilder().setOrderId(orderId).build());
        assertThat(paymentColumn("status")).isEqualTo("CAPTURED");
        testbed.forgetEmitted();

        send(reviseSaga, increment(500, EDIT, token));

        assertThat(testbed.only(PaymentDeclined.class).getCode()).isEqualTo("CONFIRMATION_REQUIRED");
        assertThat(testbed.query("SELECT count(DISTINCT authorization_id) FROM payment_provider.ledger"
                + " WHERE order_id = ? AND operation = 'AUTHORIZE'", orderId)).containsExactly("2");
        assertThat(authorizations()).containsExactly("APPROVED 4990: captured 4990, refunded 0, voids 0",
                "PENDING 500: captured 0, refunded 0, voids 1");
        assertThat(openHolds()).isEmpty();
    }

    @Test
    void onlyACapturedPaymentTakesAnIncrement() {
        send(placeOrderSaga, authorize(orderId, "sandbox_ok", 4990));
        testbed.forgetEmitted();

        send(reviseSaga, increment(500, EDIT, "sandbox_ok"));

        PaymentDeclined declined = testbed.only(PaymentDeclined.class);
        assertThat(declined.getCode()).isEqualTo("PAYMENT_NOT_CAPTURED");
        assertThat(declined.getReason()).contains("AUTHORIZED");
        assertThat(testbed.ledgerOperations(orderId)).containsExactly("AUTHORIZE");
    }

    @Test
    void aCancellationRefundsEveryAuthorizationInFull() {
        placeAndCapture("sandbox_ok");
        send(reviseSaga, increment(500, EDIT, "sandbox_ok"));
        send(reviseSaga, capture(500, EDIT));
        testbed.forgetEmitted();

        send(cancelSaga, cancel());
        send(cancelSaga, cancel());

        List<PaymentRefunded> refunded = testbed.emitted(PaymentRefunded.class);
        assertThat(refunded).hasSize(2).allSatisfy(r -> {
            assertThat(r.getAmount().getAmount()).isEqualTo(5490);
            assertThat(r.getRefundedTotal().getAmount()).isEqualTo(5490);
        });
        assertThat(paymentColumn("status")).isEqualTo("REFUNDED");
        assertThat(incrementColumn("refunded_amount")).isEqualTo("500");
        assertThat(authorizations()).containsExactly("APPROVED 4990: captured 4990, refunded 4990, voids 0",
                "APPROVED 500: captured 500, refunded 500, voids 0");
    }

    @Test
    void aCancellationReleasesAnIncrementOnlyHeld() {
        placeAndCapture("sandbox_ok");
        send(reviseSaga, increment(500, EDIT, "sandbox_ok"));
        testbed.forgetEmitted();

        send(cancelSaga, cancel());
        send(reviseSaga, release(EDIT));

        assertThat(testbed.only(PaymentRefunded.class).getAmount().getAmount()).isEqualTo(4990);
        assertThat(testbed.only(IncrementReleased.class).getOperationId()).isEqualTo(EDIT);
        assertThat(paymentColumn("status")).isEqualTo("REFUNDED");
        assertThat(incrementColumn("status")).isEqualTo("VOIDED");
        assertThat(openHolds()).isEmpty();
        assertThat(authorizations()).containsExactly("APPROVED 4990: captured 4990, refunded 4990, voids 0",
                "APPROVED 500: captured 0, refunded 0, voids 1");
    }

    @Test
    void aPartialRefundBeyondTheOriginalsCaptureSpreadsToTheIncrement() {
        placeAndCapture("sandbox_ok");
        send(reviseSaga, increment(500, EDIT, "sandbox_ok"));
        send(reviseSaga, capture(500, EDIT));
        testbed.forgetEmitted();

        send(cancelSaga, refund(5000, "edit-2"));
        send(cancelSaga, refund(5000, "edit-2"));

        assertThat(testbed.emitted(PaymentRefunded.class)).hasSize(2).allSatisfy(r -> {
            assertThat(r.getAmount().getAmount()).isEqualTo(5000);
            assertThat(r.getOperationId()).isEqualTo("edit-2");
        });
        assertThat(paymentColumn("status")).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(incrementColumn("refunded_amount")).isEqualTo("10");
        assertThat(authorizations()).containsExactly("APPROVED 4990: captured 4990, refunded 4990, voids 0",
                "APPROVED 500: captured 500, refunded 10, voids 0");

        assertThatThrownBy(() -> send(cancelSaga, refund(491, "return-1"))).isInstanceOf(PaymentLedgerException.class);
        send(cancelSaga, refund(490, "return-1"));
        assertThat(paymentColumn("status")).isEqualTo("REFUNDED");
        assertThat(authorizations()).containsExactly("APPROVED 4990: captured 4990, refunded 4990, voids 0",
                "APPROVED 500: captured 500, refunded 500, voids 0");
    }

    @Test
    void aRefundRedeliveredAfterACrashBooksNothingTwice() {
        placeAndCapture("sandbox_ok");
        send(reviseSaga, increment(500, EDIT, "sandbox_ok"));
        send(reviseSaga, capture(500, EDIT));
        IncomingMessage refund = Stimulus.message(orderId, cancelSaga, refund(5200, "edit-2"));
        assertThatThrownBy(() -> testbed.runtime().transactions().inTransaction(refund.envelope(), tx -> {
            testbed.payment().handler().handle(refund, tx);
            throw new IllegalStateException("crash before commit");
        })).hasMessageContaining("crash");
        assertThat(paymentColumn("refunded_amount")).isEqualTo("0");

        testbed.deliver(refund);

        assertThat(paymentColumn("refunded_amount")).isEqualTo("5200");
        assertThat(authorizations()).containsExactly("APPROVED 4990: captured 4990, refunded 4990, voids 0",
                "APPROVED 500: captured 500, refunded 210, voids 0");
        assertThat(testbed.query("SELECT count(*) FROM payment_provider.ledger WHERE order_id = ?"
                + " AND operation = 'REFUND'", orderId)).containsExactly("2");
    }

    @Test
    void anIncrementOfNothingIsAnsweredAndBooksNothing() {
        placeAndCapture("sandbox_ok");

        send(reviseSaga, increment(0, EDIT, "sandbox_ok"));
        send(reviseSaga, capture(0, EDIT));

        IncrementAuthorized authorized = testbed.only(IncrementAuthorized.class);
        assertThat(authorized.getAmount().getAmount()).isZero();
        assertThat(authorized.getAuthorizedTotal().getAmount()).isEqualTo(4990);
        PaymentCaptured captured = testbed.only(PaymentCaptured.class);
        assertThat(captured.getAmount().getAmount()).isZero();
        assertThat(captured.getCapturedTotal().getAmount()).isEqualTo(4990);
        assertThat(captured.getOperationId()).isEqualTo(EDIT);
        assertThat(testbed.query("SELECT count(*) FROM payment_increment WHERE order_id = ?", orderId))
                .containsExactly("0");
        assertThat(testbed.attempts(orderId)).containsExactly("AUTHORIZE:APPROVED", "CAPTURE:CAPTURED");
        assertThat(paymentColumn("amount")).isEqualTo("4990");
    }

    private void placeAndCapture(String token) {
        send(placeOrderSaga, authorize(orderId, token, 4990));
        send(placeOrderSaga, CapturePayment.newBuilder().setOrderId(orderId).build());
        testbed.forgetEmitted();
    }

    private void send(String sagaId, Message command) {
        testbed.send(orderId, sagaId, command);
    }

    private AuthorizeIncrement increment(long amount, String operationId, String token) {
        return AuthorizeIncrement.newBuilder().setOrderId(orderId).setAmount(eur(amount)).setOperationId(operationId)
                .setPaymentToken(token).build();
    }

    private CapturePayment capture(long amount, String operationId) {
        return CapturePayment.newBuilder().setOrderId(orderId).setAmount(eur(amount)).setOperationId(operationId).build();
    }

    private ReleaseIncrement release(String operationId) {
        return ReleaseIncrement.newBuilder().setOrderId(orderId).setOperationId(operationId)
                .setReason("the edit was undone").build();
    }

    private RefundPayment refund(long amount, String operationId) {
        return RefundPayment.newBuilder().setOrderId(orderId).setReason("edited to a lower total")
                .setAmount(eur(amount)).setOperationId(operationId).build();
    }

    private RefundPayment cancel() {
        return RefundPayment.newBuilder().setOrderId(orderId).setReason("customer cancelled").build();
    }

    private static Money eur(long amount) {
        return Money.newBuilder().setAmount(amount).setCurrency("EUR").build();
    }

    private String paymentColumn(String column) {
        return testbed.paymentColumn(orderId, column);
    }

    private String incrementColumn(String column) {
        return testbed.query("SELECT " + column + " FROM payment_increment WHERE order_id = ? AND operation_id = '"
                + EDIT + "'", orderId).stream().findFirst().orElse(null);
    }

    /** Each authorization the provider booked for the order, oldest first, with what was done on it. */
    private List<String> authorizations() {
        return testbed.query("""
                SELECT a.outcome || ' ' || a.amount
                       || ': captured ' || coalesce(sum(o.amount) FILTER (WHERE o.operation = 'CAPTURE'), 0)
                       || ', refunded ' || coalesce(sum(o.amount) FILTER (WHERE o.operation = 'REFUND'), 0)
                       || ', voids ' || count(o.*) FILTER (WHERE o.operation = 'VOID')
                FROM payment_provider.ledger a
                LEFT JOIN payment_provider.ledger o ON o.authorization_id = a.authorization_id AND o.operation <> 'AUTHORIZE'
                WHERE a.order_id = ? AND a.operation = 'AUTHORIZE'
                GROUP BY a.idempotency_key, a.outcome, a.amount, a.created_at
                ORDER BY a.created_at""", orderId);
    }

    /** Authorizations of the order the provider still holds: approved or pending, neither captured nor voided. */
    private List<String> openHolds() {
        return testbed.query("""
                SELECT a.authorization_id FROM payment_provider.ledger a
                WHERE a.order_id = ? AND a.operation = 'AUTHORIZE' AND a.outcome IN ('APPROVED', 'PENDING')
                  AND NOT EXISTS (SELECT 1 FROM payment_provider.ledger o WHERE o.authorization_id = a.authorization_id
                                  AND o.operation IN ('CAPTURE', 'VOID'))""", orderId);
    }
}
