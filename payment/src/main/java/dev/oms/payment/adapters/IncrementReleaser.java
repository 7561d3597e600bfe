package dev.oms.payment.adapters;

import dev.oms.messaging.TransactionContext;
import dev.oms.payment.api.PaymentProvider;
import dev.oms.payment.domain.IdempotencyKeys;
import dev.oms.payment.domain.Increment;
import dev.oms.payment.domain.Payment;
import java.sql.SQLException;

/** Voids an increment's hold at the provider; shared by ReleaseIncrement and a cancellation's RefundPayment. */
final class IncrementReleaser {
    private final IncrementTable increments;
    private final PaymentProvider provider;

    IncrementReleaser(IncrementTable increments, PaymentProvider provider) {
        this.increments = increments;
        this.provider = provider;
    }

    /**
     * Voids the held {@code increment} of the locked {@code payment}, records it VOIDED, and returns the payment with
     * the hold released; the caller writes the payment.
     */
    Payment release(TransactionContext tx, Payment payment, Increment increment) throws SQLException {
        Increment voided = increment.voided();
        provider.voidAuthorization(IdempotencyKeys.releaseOf(increment.orderId(), increment.operationId()),
                increment.orderId(), increment.authorizationId());
        increments.save(tx.connection(), voided, tx.now());
        return payment.incrementReleased(increment.amount());
    }
}
