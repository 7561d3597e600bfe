package dev.oms.payment.domain;

import dev.oms.payment.api.Money;
import java.util.Objects;

/**
 * One order edit's increment: more money on top of a captured payment, as an authorization of its own at the provider,
 * named by the edit's operation id. Captured whole or released; a captured one is refunded at most up to its amount.
 * A release that came before the authorization leaves a VOIDED increment without authorization id (a tombstone): the
 * late authorization is declined.
 */
public record Increment(
        String orderId,
        String operationId,
        IncrementStatus status,
        Money amount,
        String authorizationId,
        long refunded,
        String declineCode,
        String declineReason) {

    public Increment {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(amount, "amount");
        if (refunded < 0 || refunded > (status == IncrementStatus.CAPTURED ? amount.amount() : 0)) {
            throw new IllegalArgumentException("an increment refunds only what it captured: " + refunded + " of " + amount);
        }
    }

    public static Increment authorized(String orderId, String operationId, Money amount, String authorizationId) {
        return new Increment(orderId, operationId, IncrementStatus.AUTHORIZED, amount,
                Objects.requireNonNull(authorizationId, "authorizationId"), 0, null, null);
    }

    public static Increment declined(String orderId, String operationId, Money amount, String code, String reason) {
        return new Increment(orderId, operationId, IncrementStatus.DECLINED, amount, null, 0, code, reason);
    }

    /** Released before it was ever authorized. */
    public static Increment releasedUnauthorized(String orderId, String operationId, String currency) {
        return new Increment(orderId, operationId, IncrementStatus.VOIDED, new Money(0, currency), null, 0, null, null);
    }

    public Increment captured() {
        return with(status.moveTo(IncrementStatus.CAPTURED), refunded);
    }

    public Increment voided() {
        return with(status.moveTo(IncrementStatus.VOIDED), refunded);
    }

    /** Funds held and not yet captured. */
    public boolean holds() {
        return status == IncrementStatus.AUTHORIZED;
    }

    /** What may still be refunded of it: its capture, less what was refunded. */
    public long refundable() {
        return status == IncrementStatus.CAPTURED ? amount.amount() - refunded : 0;
    }

    /** {@code part} more refunded; more than {@link #refundable()} is a {@link PaymentLedgerException}. */
    public Increment refunded(long part) {
        if (part <= 0 || part > refundable()) {
            throw new PaymentLedgerException("refund of " + part + " on increment " + operationId + " of order "
                    + orderId + ": " + refundable() + " refundable");
        }
        return with(status, refunded + part);
    }

    private Increment with(IncrementStatus next, long nextRefunded) {
        return new Increment(orderId, operationId, next, amount, authorizationId, nextRefunded, declineCode,
                declineReason);
    }
}
