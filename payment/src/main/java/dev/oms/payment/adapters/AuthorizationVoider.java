package dev.oms.payment.adapters;

import dev.oms.contracts.payment.v1.AuthorizationVoided;
import dev.oms.messaging.TransactionContext;
import dev.oms.payment.api.PaymentProvider;
import dev.oms.payment.domain.Payment;
import dev.oms.payment.domain.PaymentStatus;
import java.sql.SQLException;
import java.util.Optional;

/** Releases what an order's payment holds; shared by VoidAuthorization and RefundPayment before a capture. */
final class AuthorizationVoider {
    private final PaymentTable payments;
    private final PaymentProvider provider;

    AuthorizationVoider(PaymentTable payments, PaymentProvider provider) {
        this.payments = payments;
        this.provider = provider;
    }

    /**
     * Voids the locked payment {@code recorded} with the provider under {@code key} and returns the reply. Without a
     * payment row the provider is still asked to release whatever it holds for the order: its answer may have been
     * lost with a rolled-back transaction. A payment already voided or declined holds nothing; a captured one cannot
     * be voided (IllegalTransitionException).
     */
    AuthorizationVoided release(TransactionContext tx, String orderId, Optional<Payment> recorded, String key)
            throws SQLException {
        if (recorded.isEmpty()) {
            provider.voidAuthorization(key, orderId, null);
            return PaymentReplies.voided(orderId, "");
        }
        Payment payment = recorded.get();
        if (payment.status() != PaymentStatus.VOIDED && payment.status() != PaymentStatus.DECLINED) {
            Payment voided = payment.voided();
            provider.voidAuthorization(key, orderId, voided.authorizationId());
            payments.updateStatus(tx.connection(), voided, tx.now());
        }
        return PaymentReplies.voided(orderId, payment.paymentId());
    }
}
