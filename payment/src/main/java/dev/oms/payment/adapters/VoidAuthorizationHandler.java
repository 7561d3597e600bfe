package dev.oms.payment.adapters;

import dev.oms.contracts.payment.v1.VoidAuthorization;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.TransactionContext;
import dev.oms.payment.api.PaymentProvider;
import dev.oms.payment.domain.IdempotencyKeys;
import java.sql.SQLException;

/**
 * Releases the funds an authorization holds, also one the provider never answered (the payment is then still
 * AUTHORIZING, and the provider releases whatever it holds for the order). With nothing held (declined, already
 * voided, no payment) it still replies, because the compensating saga waits for the reply; an authorization that
 * arrives later cannot overtake this command, as both are keyed by the order id on one partition. A captured
 * payment cannot be voided: the typed exception parks the command for an operator (RefundPayment gives money back).
 */
final class VoidAuthorizationHandler implements MessageHandler {
    private final PaymentTable payments;
    private final AuthorizationVoider voider;

    VoidAuthorizationHandler(PaymentTable payments, PaymentProvider provider) {
        this.payments = payments;
        this.voider = new AuthorizationVoider(payments, provider);
    }

    @Override
    public void handle(IncomingMessage message, TransactionContext tx) throws SQLException {
        VoidAuthorization command = message.payloadAs(VoidAuthorization.class);
        String orderId = command.getOrderId();
        String key = IdempotencyKeys.of(message.envelope().sagaId(), orderId, command.getDescriptorForType().getName());
        tx.publish(orderId, voider.release(tx, orderId, payments.findForUpdate(tx.connection(), orderId), key));
    }
}
