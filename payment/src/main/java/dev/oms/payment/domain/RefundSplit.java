package dev.oms.payment.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a refund spreads over an order's authorizations (the original and each captured increment): the original first
 * up to what is refundable of it, then the increments in the order they were made. No part exceeds its
 * authorization's refundable amount, and the parts sum to the refund; only authorizations that give something have a
 * part. Amounts in minor units of the payment's currency.
 */
public record RefundSplit(List<Part> parts) {

    /** An authorization and what may still be refunded of it. */
    public record Source(String authorizationId, long refundable) {
        public Source {
            Objects.requireNonNull(authorizationId, "authorizationId");
            if (refundable < 0) {
                throw new IllegalArgumentException("nothing is refundable below zero: " + refundable);
            }
        }
    }

    /** What one authorization gives back. */
    public record Part(String authorizationId, long amount) {}

    public RefundSplit {
        parts = List.copyOf(parts);
    }

    /** {@code amount} taken from the sources in their order; more than they hold is a {@link PaymentLedgerException}. */
    public static RefundSplit of(long amount, List<Source> sources) {
        if (amount <= 0) {
            throw new PaymentLedgerException("refund of " + amount + ": amounts are above zero");
        }
        List<Part> parts = new ArrayList<>();
        long left = amount;
        for (Source source : sources) {
            long take = Math.min(left, source.refundable());
            if (take > 0) {
                parts.add(new Part(source.authorizationId(), take));
                left -= take;
            }
        }
        if (left > 0) {
            throw new PaymentLedgerException("refund of " + amount + " exceeds the " + (amount - left)
                    + " still refundable");
        }
        return new RefundSplit(parts);
    }

    /** Everything still refundable on every source. */
    public static RefundSplit everything(List<Source> sources) {
        return new RefundSplit(sources.stream().filter(s -> s.refundable() > 0)
                .map(s -> new Part(s.authorizationId(), s.refundable())).toList());
    }

    /**
     * The sources of a captured payment: its original authorization, refundable as much as the payment's ledger less
     * its increments, then the captured increments in {@code increments}' order.
     */
    public static List<Source> sources(Payment payment, List<Increment> increments) {
        long ofIncrements = increments.stream().mapToLong(Increment::refundable).sum();
        List<Source> sources = new ArrayList<>();
        sources.add(new Source(payment.authorizationId(), payment.ledger().refundable() - ofIncrements));
        increments.stream().filter(i -> i.status() == IncrementStatus.CAPTURED)
                .forEach(i -> sources.add(new Source(i.authorizationId(), i.refundable())));
        return sources;
    }

    public long total() {
        return parts.stream().mapToLong(Part::amount).sum();
    }
}
