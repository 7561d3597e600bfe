package dev.oms.payment.adapters;

import com.google.protobuf.Message;
import dev.oms.contracts.payment.v1.AuthorizationVoided;
import dev.oms.contracts.payment.v1.IncrementAuthorized;
import dev.oms.contracts.payment.v1.IncrementReleased;
import dev.oms.contracts.payment.v1.PaymentAuthorized;
import dev.oms.contracts.payment.v1.PaymentCaptureFailed;
import dev.oms.contracts.payment.v1.PaymentCaptured;
import dev.oms.contracts.payment.v1.PaymentDeclined;
import dev.oms.contracts.payment.v1.PaymentRefunded;
import dev.oms.payment.api.Money;
import dev.oms.payment.domain.Payment;
import java.util.Objects;

/** The replies of the payment service, built from the recorded payment so that a repeat replies the same. */
final class PaymentReplies {
    static final String VOIDED_UNANSWERED = "authorization_voided";

    private PaymentReplies() {}

    /** Authorized once approved; declined otherwise, also when voided while the provider's answer was outstanding. */
    static Message authorizationOutcome(Payment payment) {
        if (payment.wasApproved()) {
            return PaymentAuthorized.newBuilder()
                    .setOrderId(payment.orderId())
                    .setPaymentId(payment.paymentId())
                    .setAmount(money(payment.amount()))
                    .build();
        }
        return PaymentDeclined.newBuilder()
                .setOrderId(payment.orderId())
                .setCode(Objects.requireNonNullElse(payment.declineCode(), VOIDED_UNANSWERED))
                .setReason(Objects.requireNonNullElse(payment.declineReason(),
                        "the provider did not answer in time and the authorization was voided"))
                .build();
    }

    static PaymentCaptured captured(Payment payment) {
        Money captured = new Money(payment.ledger().captured(), payment.ledger().currency());
        return PaymentCaptured.newBuilder()
                .setOrderId(payment.orderId())
                .setPaymentId(payment.paymentId())
                .setAmount(money(captured))
                .setCapturedTotal(money(captured))
                .build();
    }

    /** A capture of {@code part} named by {@code operationId} (an order edit's increment). */
    static PaymentCaptured captured(Payment payment, Money part, String operationId) {
        return PaymentCaptured.newBuilder()
                .setOrderId(payment.orderId())
                .setPaymentId(payment.paymentId())
                .setAmount(money(part))
                .setCapturedTotal(money(new Money(payment.ledger().captured(), payment.ledger().currency())))
                .setOperationId(operationId)
                .build();
    }

    static PaymentCaptureFailed captureFailed(String orderId, String reason) {
        return PaymentCaptureFailed.newBuilder().setOrderId(orderId).setReason(reason).build();
    }

    /** {@code part}: this refund; the payment's ledger gives the total refunded so far. */
    static PaymentRefunded refunded(Payment payment, Money part, String operationId) {
        return PaymentRefunded.newBuilder()
                .setOrderId(payment.orderId())
                .setPaymentId(payment.paymentId())
                .setAmount(money(part))
                .setRefundedTotal(money(new Money(payment.ledger().refunded(), payment.ledger().currency())))
                .setOperationId(operationId)
                .build();
    }

    /** Sent whenever nothing is held any more, also when nothing ever was (then without payment id). */
    static AuthorizationVoided voided(String orderId, String paymentId) {
        return AuthorizationVoided.newBuilder().setOrderId(orderId).setPaymentId(paymentId).build();
    }

    /** {@code total}: what the payment holds authorized now, less what was released. */
    static IncrementAuthorized incrementAuthorized(String orderId, String operationId, Money amount, Money total) {
        return IncrementAuthorized.newBuilder()
                .setOrderId(orderId)
                .setOperationId(operationId)
                .setAmount(money(amount))
                .setAuthorizedTotal(money(total))
                .build();
    }

    static IncrementReleased incrementReleased(String orderId, String operationId) {
        return IncrementReleased.newBuilder().setOrderId(orderId).setOperationId(operationId).build();
    }

    static PaymentDeclined declined(String orderId, String code, String reason) {
        return PaymentDeclined.newBuilder().setOrderId(orderId).setCode(code).setReason(reason).build();
    }

    private static dev.oms.contracts.common.v1.Money money(Money money) {
        return dev.oms.contracts.common.v1.Money.newBuilder()
                .setAmount(money.amount())
                .setCurrency(money.currency())
                .build();
    }
}
