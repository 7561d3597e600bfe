package dev.oms.payment.adapters;

import dev.oms.contracts.payment.v1.RefundPayment;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.TransactionContext;
import dev.oms.payment.api.PaymentProvider;
import dev.oms.payment.domain.IdempotencyKeys;
import dev.oms.payment.domain.Payment;
import dev.oms.payment.domain.PaymentStatus;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Gives an order's money back, whatever point the payment reached (the order-cancellation saga sends it): a capture
 * is refunded (PaymentRefunded), funds only held are voided (AuthorizationVoided), and with nothing taken or held it
 * replies AuthorizationVoided. A repeat re-replies: a refunded payment answers PaymentRefunded again.
 */
final class RefundPaymentHandler implements MessageHandler {
    private final PaymentTable payments;
    private final PaymentProvider provider;
    private final AuthorizationVoider voider;

    RefundPaymentHandler(PaymentTable payments, PaymentProvider provider) {
        this.payments = payments;
        this.provider = provider;
        this.voider = new AuthorizationVoider(payments, provider);
    }

    @Override
    public void handle(IncomingMessage message, TransactionContext tx) throws SQLException {
        RefundPayment command = message.payloadAs(RefundPayment.class);
        String orderId = command.getOrderId();
        String key = IdempotencyKeys.of(message.envelope().sagaId(), orderId, command.getDescriptorForType().getName());
        Optional<Payment> recorded = payments.findForUpdate(tx.connection(), orderId);
        if (recorded.isEmpty() || !recorded.get().status().wasCaptured()) {
            tx.publish(orderId, voider.release(tx, orderId, recorded, key));
            return;
        }
        Payment payment = recorded.get();
        if (payment.status() == PaymentStatus.PARTIALLY_REFUNDED) {
            throw new IllegalStateException("order " + orderId + " is partly refunded; the rest needs an operator");
        }
        if (payment.status() != PaymentStatus.REFUNDED) {
            Payment refunded = payment.refunded();
            provider.refund(key, orderId, refunded.authorizationId(), refunded.amount());
            payments.updateStatus(tx.connection(), refunded, tx.now());
            payment = refunded;
        }
        tx.publish(orderId, PaymentReplies.refunded(payment));
    }
}
