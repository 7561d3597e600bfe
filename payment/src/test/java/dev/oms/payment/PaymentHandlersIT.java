package dev.oms.payment;

import static dev.oms.payment.PaymentTestbed.authorize;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Message;
import dev.oms.contracts.payment.v1.AuthorizationVoided;
import dev.oms.contracts.payment.v1.CapturePayment;
import dev.oms.contracts.payment.v1.PaymentAuthorized;
import dev.oms.contracts.payment.v1.PaymentCaptured;
import dev.oms.contracts.payment.v1.PaymentDeclined;
import dev.oms.contracts.payment.v1.VoidAuthorization;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.testing.Stimulus;
import dev.oms.payment.domain.IllegalTransitionException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentHandlersIT {
    private static PaymentTestbed testbed;

    private final String orderId = "order-" + UUID.randomUUID();
    private final String sagaId = "saga-" + UUID.randomUUID();

    @BeforeAll
    static void startService() {
        testbed = PaymentTestbed.start("payment_it");
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
    void authorizesWithSandboxOk() {
        send(authorize(orderId, "sandbox_ok", 4990));

        PaymentAuthorized authorized = testbed.only(PaymentAuthorized.class);
        assertThat(authorized.getOrderId()).isEqualTo(orderId);
        assertThat(authorized.getAmount().getAmount()).isEqualTo(4990);
        assertThat(authorized.getPaymentId()).isNotBlank();
        assertThat(paymentColumn("status")).isEqualTo("AUTHORIZED");
        assertThat(paymentColumn("authorization_id")).startsWith("sbx_auth_");
    }

    @Test
    void declinesWithSandboxDecline() {
        send(authorize(orderId, "sandbox_decline", 4990));

        assertThat(testbed.only(PaymentDeclined.class).getCode()).isEqualTo("card_declined");
        assertThat(paymentColumn("status")).isEqualTo("DECLINED");
    }

    @Test
    void declinesAnUnknownToken() {
        send(authorize(orderId, "tok_visa", 4990));

        assertThat(testbed.only(PaymentDeclined.class).getCode()).isEqualTo("invalid_payment_token");
    }

    @Test
    void declinesANonPositiveAmountWithoutAskingTheProvider() {
        send(authorize(orderId, "sandbox_ok", 0));

        assertThat(testbed.only(PaymentDeclined.class).getCode()).isEqualTo("invalid_amount");
        assertThat(testbed.ledgerOperations(orderId)).isEmpty();
        assertThat(testbed.attempts(orderId)).isEmpty();
    }

    @Test
    void repeatedAuthorizeNeverBooksTwice() {
        send(authorize(orderId, "sandbox_ok", 4990));
        send(authorize(orderId, "sandbox_ok", 4990));

        List<PaymentAuthorized> replies = testbed.emitted(PaymentAuthorized.class);
        assertThat(replies).hasSize(2);
        assertThat(replies.get(1)).isEqualTo(replies.get(0));
        assertThat(testbed.ledgerOperations(orderId)).containsExactly("AUTHORIZE");
    }

    @Test
    void aRetryAfterARollbackGetsTheSameAnswerFromTheProvider() {
        IncomingMessage first = Stimulus.message(orderId, sagaId, authorize(orderId, "sandbox_ok", 4990));
        assertThatThrownBy(() -> testbed.runtime().transactions().inTransaction(first.envelope(), tx -> {
            testbed.payment().handler().handle(first, tx);
            throw new IllegalStateException("crash before commit");
        })).hasMessageContaining("crash");
        String booked = testbed.query("SELECT authorization_id FROM payment_provider.ledger WHERE order_id = ?", orderId)
                .get(0);

        send(authorize(orderId, "sandbox_ok", 4990));

        assertThat(paymentColumn("authorization_id")).isEqualTo(booked);
        assertThat(testbed.ledgerOperations(orderId)).containsExactly("AUTHORIZE");
    }

    @Test
    void captureOnlyOnce() {
        send(authorize(orderId, "sandbox_ok", 4990));
        send(capture());
        send(capture());

        List<PaymentCaptured> replies = testbed.emitted(PaymentCaptured.class);
        assertThat(replies).hasSize(2).allSatisfy(c -> assertThat(c.getAmount().getAmount()).isEqualTo(4990));
        assertThat(replies.get(1)).isEqualTo(replies.get(0));
        assertThat(paymentColumn("status")).isEqualTo("CAPTURED");
        assertThat(testbed.ledgerOperations(orderId)).containsExactlyInAnyOrder("AUTHORIZE", "CAPTURE");
    }

    @Test
    void refusesToCaptureADeclinedPayment() {
        send(authorize(orderId, "sandbox_decline", 4990));

        assertThatThrownBy(() -> send(capture())).isInstanceOf(IllegalTransitionException.class);
        assertThat(paymentColumn("status")).isEqualTo("DECLINED");
    }

    @Test
    void voidAfterAuthorize() {
        send(authorize(orderId, "sandbox_ok", 4990));
        String paymentId = testbed.only(PaymentAuthorized.class).getPaymentId();

        send(voidAuthorization());

        assertThat(testbed.only(AuthorizationVoided.class).getPaymentId()).isEqualTo(paymentId);
        assertThat(paymentColumn("status")).isEqualTo("VOIDED");
        assertThat(testbed.ledgerOperations(orderId)).containsExactlyInAnyOrder("AUTHORIZE", "VOID");
    }

    @Test
    void refusesToVoidACapturedPayment() {
        send(authorize(orderId, "sandbox_ok", 4990));
        send(capture());

        assertThatThrownBy(() -> send(voidAuthorization())).isInstanceOf(IllegalTransitionException.class);
        assertThat(paymentColumn("status")).isEqualTo("CAPTURED");
    }

    @Test
    void repliesVoidedWhenNothingWasAuthorized() {
        send(voidAuthorization());

        assertThat(testbed.only(AuthorizationVoided.class).getOrderId()).isEqualTo(orderId);
        assertThat(testbed.ledgerOperations(orderId)).isEmpty();
        assertThat(testbed.attempts(orderId)).containsExactly("VOID:NOTHING_HELD");
    }

    @Test
    void keepsTheProviderBooksOutOfThePaymentSchema() {
        assertThat(testbed.query("SELECT to_regclass(?)::text", "payment.sandbox_ledger")).containsOnlyNulls();
        assertThat(testbed.query("SELECT to_regclass(?)::text", "payment_provider.ledger"))
                .containsExactly("payment_provider.ledger");
    }

    private void send(Message command) {
        testbed.send(orderId, sagaId, command);
    }

    private CapturePayment capture() {
        return CapturePayment.newBuilder().setOrderId(orderId).build();
    }

    private VoidAuthorization voidAuthorization() {
        return VoidAuthorization.newBuilder().setOrderId(orderId).setReason("order rejected").build();
    }

    private String paymentColumn(String column) {
        return testbed.paymentColumn(orderId, column);
    }
}
