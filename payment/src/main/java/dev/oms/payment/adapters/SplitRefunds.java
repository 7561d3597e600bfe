package dev.oms.payment.adapters;

import dev.oms.messaging.TransactionContext;
import dev.oms.payment.api.Money;
import dev.oms.payment.api.PaymentProvider;
import dev.oms.payment.domain.IdempotencyKeys;
import dev.oms.payment.domain.Increment;
import dev.oms.payment.domain.Payment;
import dev.oms.payment.domain.RefundSplit;
import java.sql.SQLException;
import java.util.List;

/**
 * Books a refund spread over an order's authorizations: one provider refund per authorization it touches, and each
 * increment's part on its row. The original authorization's part goes under the operation's {@code key} (as before
 * increments existed), an increment's under the key and its authorization id: a redelivery after a crash books
 * nothing twice, whatever it touched.
 */
final class SplitRefunds {
    private final IncrementTable increments;
    private final PaymentProvider provider;

    SplitRefunds(IncrementTable increments, PaymentProvider provider) {
        this.increments = increments;
        this.provider = provider;
    }

    void book(TransactionContext tx, String key, Payment payment, List<Increment> of, RefundSplit split)
            throws SQLException {
        String currency = payment.ledger().currency();
        for (RefundSplit.Part part : split.parts()) {
            boolean original = part.authorizationId().equals(payment.authorizationId());
            provider.refund(original ? key : IdempotencyKeys.onAuthorization(key, part.authorizationId()),
                    payment.orderId(), part.authorizationId(), new Money(part.amount(), currency));
            if (!original) {
                Increment increment = of.stream().filter(i -> part.authorizationId().equals(i.authorizationId()))
                        .findFirst().orElseThrow();
                increments.save(tx.connection(), increment.refunded(part.amount()), tx.now());
            }
        }
    }
}
