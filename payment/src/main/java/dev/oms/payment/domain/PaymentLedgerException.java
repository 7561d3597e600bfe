package dev.oms.payment.domain;

/** An operation the payment's ledger refuses (it would capture or refund more than there is); nothing changed. */
public final class PaymentLedgerException extends RuntimeException {
    public PaymentLedgerException(String message) {
        super(message);
    }
}
