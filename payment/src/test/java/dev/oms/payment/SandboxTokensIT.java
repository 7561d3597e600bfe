package dev.oms.payment;

import static dev.oms.payment.PaymentTestbed.authorize;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Message;
import dev.oms.contracts.payment.v1.AuthorizationVoided;
import dev.oms.contracts.payment.v1.CapturePayment;
import dev.oms.contracts.payment.v1.PaymentAuthorized;
import dev.oms.contracts.payment.v1.PaymentCaptureFailed;
import dev.oms.contracts.payment.v1.PaymentCaptured;
import dev.oms.contracts.payment.v1.PaymentDeclined;
import dev.oms.contracts.payment.v1.VoidAuthorization;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.testing.Stimulus;
import dev.oms.payment.api.PaymentProviderException;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sandbox tokens that make the provider time out, fail and refuse, and how the payment service answers them. */
class SandboxTokensIT {
    private static PaymentTestbed testbed;

    private final String orderId = "order-" + UUID.randomUUID();
    private final String sagaId = "saga-" + UUID.randomUUID();

    @BeforeAll
    static void startService() {
        testbed = PaymentTestbed.start("payment_tokens_it");
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
    void timeoutTokenNeverReplies() {
        send(authorize(orderId, "sandbox_timeout", 4990));
        send(authorize(orderId, "sandbox_timeout", 4990));

        assertThat(testbed.emitted()).isEmpty();
        assertThat(paymentColumn("status")).isEqualTo("AUTHORIZING");
        assertThat(testbed.attempts(orderId)).containsExactly("AUTHORIZE:UNANSWERED", "AUTHORIZE:UNANSWERED");
    }

    @Test
    void voidAfterTimeoutAnswersVoided() {
        send(authorize(orderId, "sandbox_timeout", 4990));
        String paymentId = paymentColumn("payment_id");

        send(VoidAuthorization.newBuilder().setOrderId(orderId).setReason("step timed out").build());

        assertThat(testbed.only(AuthorizationVoided.class).getPaymentId()).isEqualTo(paymentId);
        assertThat(paymentColumn("status")).isEqualTo("VOIDED");
        assertThat(testbed.query("SELECT operation || ':' || amount FROM payment_provider.ledger"
                + " WHERE order_id = ? ORDER BY created_at, operation", orderId))
                .containsExactly("AUTHORIZE:4990", "VOID:4990");
    }

    @Test
    void aLateAuthorizeAfterTheVoidIsAnsweredDeclinedWithoutAskingTheProvider() {
        send(authorize(orderId, "sandbox_timeout", 4990));
        send(VoidAuthorization.newBuilder().setOrderId(orderId).setReason("step timed out").build());
        testbed.forgetEmitted();

        send(authorize(orderId, "sandbox_timeout", 4990));

        assertThat(testbed.only(PaymentDeclined.class).getCode()).isEqualTo("authorization_voided");
        assertThat(testbed.attempts(orderId)).containsExactly("AUTHORIZE:UNANSWERED", "VOID:VOIDED");
    }

    @Test
    void flakyTokenApprovesOnTheThirdAttempt() {
        IncomingMessage command = Stimulus.message(orderId, sagaId, authorize(orderId, "sandbox_flaky", 4990));

        assertThatThrownBy(() -> testbed.deliver(command)).isInstanceOf(PaymentProviderException.class);
        assertThatThrownBy(() -> testbed.deliver(command)).isInstanceOf(PaymentProviderException.class);
        assertThat(paymentColumn("status")).isNull();
        testbed.deliver(command);

        assertThat(testbed.only(PaymentAuthorized.class).getOrderId()).isEqualTo(orderId);
        assertThat(paymentColumn("status")).isEqualTo("AUTHORIZED");
        assertThat(testbed.attempts(orderId)).containsExactly("AUTHORIZE:FAILED", "AUTHORIZE:FAILED", "AUTHORIZE:APPROVED");
        assertThat(testbed.ledgerOperations(orderId)).containsExactly("AUTHORIZE");
    }

    @Test
    void flakyTokenCountsAttemptsPerIdempotencyKey() {
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> send(authorize(orderId, "sandbox_flaky", 4990)))
                    .isInstanceOf(PaymentProviderException.class);
        }
        String otherOrder = "order-" + UUID.randomUUID();

        assertThatThrownBy(() -> testbed.send(otherOrder, "saga-" + UUID.randomUUID(),
                authorize(otherOrder, "sandbox_flaky", 4990))).isInstanceOf(PaymentProviderException.class);
        send(authorize(orderId, "sandbox_flaky", 4990));

        assertThat(testbed.only(PaymentAuthorized.class).getOrderId()).isEqualTo(orderId);
    }

    @Test
    void captureFailsOnceThenSucceedsWithOneLedgerCapture() {
        send(authorize(orderId, "sandbox_capture_fails_once", 4990));

        send(capture());
        assertThat(testbed.only(PaymentCaptureFailed.class).getReason()).isNotBlank();
        assertThat(testbed.emitted(PaymentCaptured.class)).isEmpty();
        assertThat(paymentColumn("status")).isEqualTo("AUTHORIZED");

        send(capture());
        send(capture());

        assertThat(testbed.emitted(PaymentCaptured.class)).hasSize(2)
                .allSatisfy(c -> assertThat(c.getAmount().getAmount()).isEqualTo(4990));
        assertThat(paymentColumn("status")).isEqualTo("CAPTURED");
        assertThat(testbed.attempts(orderId)).filteredOn(a -> a.startsWith("CAPTURE"))
                .containsExactly("CAPTURE:REFUSED", "CAPTURE:CAPTURED");
        assertThat(testbed.query("SELECT captures || ':' || captured_amount FROM payment_provider.money_by_order"
                + " WHERE order_id = ?", orderId)).containsExactly("1:4990");
    }

    private void send(Message command) {
        testbed.send(orderId, sagaId, command);
    }

    private CapturePayment capture() {
        return CapturePayment.newBuilder().setOrderId(orderId).build();
    }

    private String paymentColumn(String column) {
        return testbed.paymentColumn(orderId, column);
    }
}
