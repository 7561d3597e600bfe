package dev.oms.payment.domain;

import dev.oms.payment.api.Money;
import java.util.function.Supplier;

/** The payment of one order. Each transition checks the status machine and returns the payment in its new status. */
public record Payment(
        String orderId,
        String paymentId,
        PaymentStatus status,
        Money amount,
        String authorizationId,
        String declineCode,
        String declineReason,
        PaymentLedger ledger) {

    public static Payment authorizing(String orderId, String paymentId, Money amount) {
        return new Payment(orderId, paymentId, PaymentStatus.AUTHORIZING, amount, null, null, null,
                new PaymentLedger(amount.currency(), 0, 0, 0, 0));
    }

    public Payment authorized(String authorizationId) {
        return new Payment(orderId, paymentId, status.moveTo(PaymentStatus.AUTHORIZED), amount, authorizationId, null,
                null, PaymentLedger.authorized(amount));
    }

    public Payment declined(String code, String reason) {
        return new Payment(orderId, paymentId, status.moveTo(PaymentStatus.DECLINED), amount, null, code, reason, ledger);
    }

    /** Captures everything still capturable. */
    public Payment captured() {
        return with(PaymentStatus.CAPTURED, () -> ledger.capture(new Money(ledger.capturable(), ledger.currency())));
    }

    /** Voided after an approval, or while the provider's answer was still outstanding (then no authorization id). */
    public Payment voided() {
        return with(PaymentStatus.VOIDED, ledger::releaseUncaptured);
    }

    /** Refunds everything still refundable. */
    public Payment refunded() {
        return refunded(new Money(ledger.refundable(), ledger.currency()));
    }

    /**
     * Refunds {@code part} of the capture: PARTIALLY_REFUNDED while some of it stays with the merchant, REFUNDED once
     * nothing does. More than is refundable is a {@link PaymentLedgerException}.
     */
    public Payment refunded(Money part) {
        status.moveTo(PaymentStatus.PARTIALLY_REFUNDED); // a payment that was never captured has nothing to refund
        PaymentLedger after = ledger.refund(part);
        return with(after.refundable() == 0 ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED, () -> after);
    }

    /** True while an order edit may add to the payment: captured, and not refunded in full. */
    public boolean takesIncrements() {
        return status == PaymentStatus.CAPTURED || status == PaymentStatus.PARTIALLY_REFUNDED;
    }

    /**
     * An increment approved on top of the payment (an order edit's higher total, authorized separately): more is
     * authorized; the status stays, as what was captured still is.
     */
    public Payment incremented(Money increment) {
        requireIncrements();
        Money total = new Money(Math.addExact(amount.amount(), increment.amount()), amount.currency());
        return new Payment(orderId, paymentId, status, total, authorizationId, declineCode, declineReason,
                ledger.authorizeMore(increment));
    }

    /** An increment captured: it adds to the capture, the status stays. */
    public Payment incrementCaptured(Money increment) {
        requireIncrements();
        return new Payment(orderId, paymentId, status, amount, authorizationId, declineCode, declineReason,
                ledger.capture(increment));
    }

    /** An increment released uncaptured, whatever the payment's status: its hold counts as voided. */
    public Payment incrementReleased(Money increment) {
        return new Payment(orderId, paymentId, status, amount, authorizationId, declineCode, declineReason,
                ledger.release(increment));
    }

    /** True once the provider approved the authorization, whatever happened to the funds since. */
    public boolean wasApproved() {
        return authorizationId != null;
    }

    private void requireIncrements() {
        if (!takesIncrements()) {
            throw new IllegalStateException("the payment of order " + orderId + " is " + status
                    + ": only a captured payment takes an increment");
        }
    }

    /** The status is checked first: a transition the machine forbids fails as such, whatever the ledger says. */
    private Payment with(PaymentStatus next, Supplier<PaymentLedger> after) {
        PaymentStatus checked = status.moveTo(next);
        return new Payment(orderId, paymentId, checked, amount, authorizationId, declineCode, declineReason, after.get());
    }
}
