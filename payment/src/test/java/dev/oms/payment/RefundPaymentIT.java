package dev.oms.payment;

import static dev.oms.payment.PaymentTestbed.authorize;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import dev.oms.contracts.payment.v1.AuthorizationVoided;
import dev.oms.contracts.payment.v1.CapturePayment;
import dev.oms.contracts.payment.v1.PaymentAuthorized;
import dev.oms.contracts.payment.v1.PaymentRefunded;
import dev.oms.contracts.payment.v1.RefundPayment;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RefundPayment, sent by the order-cancellation saga: money back whatever point the payment reached. */
class RefundPaymentIT {
    private static PaymentTestbed testbed;

    private final String orderId = "order-" + UUID.randomUUID();
    private final String placeOrderSaga = "saga-" + UUID.randomUUID();
    private final String cancelOrderSaga = "saga-" + UUID.randomUUID();
    private final String returnSaga = "saga-" + UUID.randomUUID();

    @BeforeAll
    static void startService() {
        testbed = PaymentTestbed.start("payment_refund_it");
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
    void refundAfterCaptureRepliesRefunded() {
        placeOrder("sandbox_ok");
        send(placeOrderSaga, CapturePayment.newBuilder().setOrderId(orderId).build());
        String paymentId = testbed.only(PaymentAuthorized.class).getPaymentId();
        testbed.forgetEmitted();

        send(cancelOrderSaga, refund());

        PaymentRefunded refunded = testbed.only(PaymentRefunded.class);
        assertThat(refunded.getPaymentId()).isEqualTo(paymentId);
        assertThat(refunded.getAmount().getAmount()).isEqualTo(4990);
        assertThat(refunded.getAmount().getCurrency()).isEqualTo("EUR");
        assertThat(paymentColumn("status")).isEqualTo("REFUNDED");
    }

    @Test
    void aRepeatedRefundRepliesRefundedAndRefundsOnce() {
        placeOrder("sandbox_ok");
        send(placeOrderSaga, CapturePayment.newBuilder().setOrderId(orderId).build());
        testbed.forgetEmitted();

        send(cancelOrderSaga, refund());
        send(cancelOrderSaga, refund());

        List<PaymentRefunded> replies = testbed.emitted(PaymentRefunded.class);
        assertThat(replies).hasSize(2);
        assertThat(replies.get(1)).isEqualTo(replies.get(0));
        assertThat(moneyByOrder()).containsExactly("captures=1 captured=4990 refunds=1 refunded=4990");
    }

    @Test
    void refundBeforeCaptureVoids() {
        placeOrder("sandbox_ok");
        testbed.forgetEmitted();

        send(cancelOrderSaga, refund());

        assertThat(testbed.only(AuthorizationVoided.class).getOrderId()).isEqualTo(orderId);
        assertThat(testbed.emitted(PaymentRefunded.class)).isEmpty();
        assertThat(paymentColumn("status")).isEqualTo("VOIDED");
        assertThat(testbed.ledgerOperations(orderId)).containsExactly("AUTHORIZE", "VOID");
        assertThat(moneyByOrder()).containsExactly("captures=0 captured=0 refunds=0 refunded=0");
    }

    @Test
    void refundWhileTheAuthorizationIsUnansweredVoids() {
        placeOrder("sandbox_timeout");

        send(cancelOrderSaga, refund());

        assertThat(testbed.only(AuthorizationVoided.class).getOrderId()).isEqualTo(orderId);
        assertThat(paymentColumn("status")).isEqualTo("VOIDED");
        assertThat(testbed.ledgerOperations(orderId)).containsExactly("AUTHORIZE", "VOID");
    }

    @Test
    void refundWithNothingTakenOrHeldRepliesVoided() {
        placeOrder("sandbox_decline");
        String otherOrder = "order-" + UUID.randomUUID();
        testbed.forgetEmitted();

        send(cancelOrderSaga, refund());
        testbed.send(otherOrder, cancelOrderSaga, RefundPayment.newBuilder().setOrderId(otherOrder).build());

        assertThat(testbed.emitted(AuthorizationVoided.class)).extracting(AuthorizationVoided::getOrderId)
                .containsExactly(orderId, otherOrder);
        assertThat(paymentColumn("status")).isEqualTo("DECLINED");
        assertThat(testbed.ledgerOperations(orderId)).containsExactly("AUTHORIZE");
    }

    @Test
    void refundAfterVoidRepliesVoidedAgain() {
        placeOrder("sandbox_ok");
        send(cancelOrderSaga, refund());
        testbed.forgetEmitted();

        send(cancelOrderSaga, refund());

        assertThat(testbed.only(AuthorizationVoided.class).getOrderId()).isEqualTo(orderId);
        assertThat(testbed.ledgerOperations(orderId)).containsExactly("AUTHORIZE", "VOID");
    }

    @Test
    void partialRefundsGiveBackExactlyTheirAmountsAndACancellationTheRest() {
        placeOrder("sandbox_ok");
        send(placeOrderSaga, CapturePayment.newBuilder().setOrderId(orderId).build());
        testbed.forgetEmitted();

        send(returnSaga, refund(1000, "return-1"));
        assertThat(paymentColumn("status")).isEqualTo("PARTIALLY_REFUNDED");
        send(returnSaga, refund(990, "return-2"));
        send(cancelOrderSaga, refund());

        assertThat(testbed.emitted(PaymentRefunded.class))
                .extracting(r -> r.getOperationId() + " " + r.getAmount().getAmount() + " of " + r.getRefundedTotal().getAmount())
                .containsExactly("return-1 1000 of 1000", "return-2 990 of 1990", " 3000 of 4990");
        assertThat(paymentColumn("status")).isEqualTo("REFUNDED");
        assertThat(paymentColumn("refunded_amount")).isEqualTo("4990");
        assertThat(moneyByOrder()).containsExactly("captures=1 captured=4990 refunds=3 refunded=4990");
    }

    @Test
    void aRepeatedPartialRefundIsAnsweredAndRefundsOnce() {
        placeOrder("sandbox_ok");
        send(placeOrderSaga, CapturePayment.newBuilder().setOrderId(orderId).build());
        testbed.forgetEmitted();

        send(returnSaga, refund(1500, "return-1"));
        send(returnSaga, refund(1500, "return-1"));
        testbed.send(orderId, "saga-" + UUID.randomUUID(), refund(1500, "return-1")); // even from a new saga

        assertThat(testbed.emitted(PaymentRefunded.class)).hasSize(3)
                .allSatisfy(r -> assertThat(r.getRefundedTotal().getAmount()).isEqualTo(1500));
        assertThat(paymentColumn("status")).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(moneyByOrder()).containsExactly("captures=1 captured=4990 refunds=1 refunded=1500");
    }

    private void placeOrder(String token) {
        send(placeOrderSaga, authorize(orderId, token, 4990));
    }

    private void send(String sagaId, Message command) {
        testbed.send(orderId, sagaId, command);
    }

    private RefundPayment refund(long amount, String operationId) {
        return RefundPayment.newBuilder().setOrderId(orderId).setReason("returned")
                .setAmount(dev.oms.contracts.common.v1.Money.newBuilder().setAmount(amount).setCurrency("EUR"))
                .setOperationId(operationId).build();
    }

    private RefundPayment refund() {
        return RefundPayment.newBuilder().setOrderId(orderId).setReason("customer cancelled").build();
    }

    private String paymentColumn(String column) {
        return testbed.paymentColumn(orderId, column);
    }

    /** The invariant checker's view of the order: what the provider captured and refunded. */
    private List<String> moneyByOrder() {
        return testbed.query("""
                SELECT 'captures=' || coalesce(m.captures, 0) || ' captured=' || coalesce(m.captured_amount, 0)
                       || ' refunds=' || coalesce(m.refunds, 0) || ' refunded=' || coalesce(m.refunded_amount, 0)
                FROM (SELECT ?::text AS order_id) o LEFT JOIN payment_provider.money_by_order m USING (order_id)""",
                orderId);
    }
}
