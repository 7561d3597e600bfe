package dev.oms.payment.domain;

/** A payment asked to move to a status its current status does not lead to. */
public class IllegalTransitionException extends IllegalStateException {
    private final PaymentStatus from;
    private final PaymentStatus to;

    public IllegalTransitionException(PaymentStatus from, PaymentStatus to) {
        super("payment cannot move from " + from + " to " + to);
        this.from = from;
        this.to = to;
    }

    public PaymentStatus from() {
        return from;
    }

    public PaymentStatus to() {
        return to;
    }
}
