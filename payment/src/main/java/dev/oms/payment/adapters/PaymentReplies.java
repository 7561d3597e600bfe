package dev.oms.payment.adapters;

import com.google.protobuf.Message;
import dev.oms.contracts.payment.v1.PaymentAuthorized;
import dev.oms.contracts.payment.v1.PaymentCaptured;
import dev.oms.contracts.payment.v1.PaymentDeclined;
import dev.oms.payment.api.Money;
import dev.oms.payment.domain.Payment;

/** The replies of the payment service, built from the recorded payment so that a repeat replies the same. */
final class PaymentReplies {
    private PaymentReplies() {}

    static Message authorizationOutcome(Payment payment) {
        if (payment.status().wasAuthorized()) {
            return PaymentAuthorized.newBuilder()
                    .setOrderId(payment.orderId())
                    .setPaymentId(payment.paymentId())
                    .setAmount(money(payment.amount()))
                    .build();
        }
        return PaymentDeclined.newBuilder()
                .setOrderId(payment.orderId())
                .setCode(payment.declineCode())
                .setReason(payment.declineReason())
                .build();
    }

    static PaymentCaptured captured(Payment payment) {
        return PaymentCaptured.newBuilder()
                .setOrderId(payment.orderId())
                .setPaymentId(payment.paymentId())
                .setAmount(money(payment.amount()))
                .build();
    }

    private static dev.oms.contracts.common.v1.Money money(Money money) {
        return dev.oms.contracts.common.v1.Money.newBuilder()
                .setAmount(money.amount())
                .setCurrency(money.currency())
                .build();
    }
}
