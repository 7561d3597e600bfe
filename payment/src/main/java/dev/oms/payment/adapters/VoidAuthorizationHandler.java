package dev.oms.payment.adapters;

import dev.oms.contracts.payment.v1.AuthorizationVoided;
import dev.oms.contracts.payment.v1.VoidAuthorization;
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
 * Releases the funds an authorization holds. With nothing held (never authorized, declined, already voided) it
 * still replies, because the compensating saga waits for the reply; an authorization that arrives later cannot
 * overtake this command, as both are keyed by the order id on one partition. A captured payment cannot be
 * voided: the typed exception parks the command for an operator (a refund is another saga).
 */
final class VoidAuthorizationHandler implements MessageHandler {
    private final PaymentTable payments;
    private final PaymentProvider provider;

    VoidAuthorizationHandler(PaymentTable payments, PaymentProvider provider) {
        this.payments = payments;
        this.provider = provider;
    }

    @Override
    public void handle(IncomingMessage message, TransactionContext tx) throws SQLException {
        VoidAuthorization command = message.payloadAs(VoidAuthorization.class);
        String orderId = command.getOrderId();
        Optional<Payment> recorded = payments.findForUpdate(tx.connection(), orderId);
        if (recorded.isPresent() && recorded.get().status().wasAuthorized()
                && recorded.get().status() != PaymentStatus.VOIDED) {
            Payment voided = recorded.get().voided();
            provider.voidAuthorization(IdempotencyKeys.of(message.envelope().sagaId(), orderId,
                    command.getDescriptorForType().getName()), orderId, voided.authorizationId());
            payments.updateStatus(tx.connection(), voided, tx.now());
        }
        tx.publish(orderId, AuthorizationVoided.newBuilder()
                .setOrderId(orderId)
                .setPaymentId(recorded.map(Payment::paymentId).orElse(""))
                .build());
    }
}
