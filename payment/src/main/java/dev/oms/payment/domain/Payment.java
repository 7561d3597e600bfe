package dev.oms.payment.domain;

import dev.oms.payment.api.Money;

/** The payment of one order. Each transition checks the status machine and returns the payment in its new status. */
public record Payment(
        String orderId,
        String paymentId,
        PaymentStatus status,
        Money amount,
        String authorizationId,
        String declineCode,
        String declineReason) {

    public static Payment authorizing(String orderId, String paymentId, Money amount) {
        return new Payment(orderId, paymentId, PaymentStatus.AUTHORIZING, amount, null, null, null);
    }

    public Payment authorized(String authorizationId) {
        return new Payment(orderId, paymentId, status.moveTo(PaymentStatus.AUTHORIZED), amount, authorizationId, null, null);
    }

    public Payment declined(String code, String reason) {
        return new Payment(orderId, paymentId, status.moveTo(PaymentStatus.DECLINED), amount, null, code, reason);
    }

    public Payment captured() {
        return withStatus(PaymentStatus.CAPTURED);
    }

    /** Voided after an approval, or while the provider's answer was still outstanding (then no authorization id). */
    public Payment voided() {
        return withStatus(PaymentStatus.VOIDED);
    }

    public Payment refunded() {
        return withStatus(PaymentStatus.REFUNDED);
    }

    /** True once the provider approved the authorization, whatever happened to the funds since. */
    public boolean wasApproved() {
        return authorizationId != null;
    }

    private Payment withStatus(PaymentStatus next) {
        return new Payment(orderId, paymentId, status.moveTo(next), amount, authorizationId, declineCode, declineReason);
    }
}
