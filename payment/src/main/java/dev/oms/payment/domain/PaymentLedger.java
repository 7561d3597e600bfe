package dev.oms.payment.domain;

import dev.oms.payment.api.Money;
import java.util.Objects;

/**
 * The money of one order's payment, in minor units of one currency: what the card holder authorized, what was
 * captured of it, what was refunded of the capture, and what was released uncaptured. Its rules hold after every
 * operation, whatever the order of partial captures and refunds (the base of returns, partial cancellations and
 * order edits, issue 17): nothing is captured beyond what is authorized and not released, nothing is refunded
 * beyond what was captured and not yet refunded. An operation that would break a rule is refused and leaves the
 * ledger as it was.
 */
public record PaymentLedger(String currency, long authorized, long captured, long refunded, long voided) {

    public PaymentLedger {
        Objects.requireNonNull(currency, "currency");
        if (authorized < 0 || captured < 0 || refunded < 0 || voided < 0) {
            throw new IllegalArgumentException("a ledger holds no negative amounts: " + this);
        }
        if (captured + voided > authorized) {
            throw new IllegalArgumentException("captured and released exceed the authorization: " + this);
        }
        if (refunded > captured) {
            throw new IllegalArgumentException("refunded exceeds captured: " + this);
        }
    }

    /** A fresh authorization of {@code amount}. */
    public static PaymentLedger authorized(Money amount) {
        return new PaymentLedger(amount.currency(), amount.amount(), 0, 0, 0);
    }

    /** What may still be captured: authorized, less what was captured or released. */
    public long capturable() {
        return authorized - captured - voided;
    }

    /** What may still be refunded: captured, less what was refunded. */
    public long refundable() {
        return captured - refunded;
    }

    /** What the customer has paid, net of refunds. */
    public long netPaid() {
        return captured - refunded;
    }

    /** Captures {@code amount} more (a partial capture when less than {@link #capturable()}). */
    public PaymentLedger capture(Money amount) {
        long minor = positive(amount, "capture");
        if (minor > capturable()) {
            throw new PaymentLedgerException("capture of " + minor + " " + currency + " exceeds the " + capturable()
                    + " still capturable");
        }
        return new PaymentLedger(currency, authorized, captured + minor, refunded, voided);
    }

    /** Refunds {@code amount} of the capture (a partial refund when less than {@link #refundable()}). */
    public PaymentLedger refund(Money amount) {
        long minor = positive(amount, "refund");
        if (minor > refundable()) {
            throw new PaymentLedgerException("refund of " + minor + " " + currency + " exceeds the " + refundable()
                    + " still refundable");
        }
        return new PaymentLedger(currency, authorized, captured, refunded + minor, voided);
    }

    /** Authorizes {@code amount} more: an order edit's increment, a separate authorization at the provider. */
    public PaymentLedger authorizeMore(Money amount) {
        long minor = positive(amount, "authorization");
        return new PaymentLedger(currency, Math.addExact(authorized, minor), captured, refunded, voided);
    }

    /** Releases {@code amount} of what is authorized and not captured: one increment's hold. */
    public PaymentLedger release(Money amount) {
        long minor = positive(amount, "release");
        if (minor > capturable()) {
            throw new PaymentLedgerException("release of " + minor + " " + currency + " exceeds the " + capturable()
                    + " still held");
        }
        return new PaymentLedger(currency, authorized, captured, refunded, voided + minor);
    }

    /** Releases whatever is authorized and not captured; nothing more can be captured afterwards. */
    public PaymentLedger releaseUncaptured() {
        return new PaymentLedger(currency, authorized, captured, refunded, voided + capturable());
    }

    private long positive(Money amount, String operation) {
        if (!amount.currency().equals(currency)) {
            throw new PaymentLedgerException(operation + " in " + amount.currency() + " on a payment in " + currency);
        }
        if (amount.amount() <= 0) {
            throw new PaymentLedgerException(operation + " of " + amount.amount() + ": amounts are above zero");
        }
        return amount.amount();
    }
}
