package dev.oms.payment.adapters;

import dev.oms.contracts.payment.v1.ReleaseIncrement;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.TransactionContext;
import dev.oms.payment.api.PaymentProvider;
import dev.oms.payment.domain.Increment;
import dev.oms.payment.domain.IncrementStatus;
import dev.oms.payment.domain.Payment;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Releases an order edit's increment that was not captured (the edit's compensation) and always replies, also when
 * nothing is held: declined, released already, or never authorized. In the last case the release is recorded, so an
 * authorization that arrives late is declined. A captured increment cannot be released: the exception parks the
 * command for an operator (RefundPayment gives money back).
 */
final class ReleaseIncrementHandler implements MessageHandler {
    private final PaymentTable payments;
    private final IncrementTable increments;
    private final IncrementReleaser releaser;

    ReleaseIncrementHandler(PaymentTable payments, IncrementTable increments, PaymentProvider provider) {
        this.payments = payments;
        this.increments = increments;
        this.releaser = new IncrementReleaser(increments, provider);
    }

    @Override
    public void handle(IncomingMessage message, TransactionContext tx) throws SQLException {
        ReleaseIncrement command = message.payloadAs(ReleaseIncrement.class);
        String orderId = command.getOrderId();
        String operationId = AuthorizeIncrementHandler.requireOperation(orderId, command.getOperationId());
        Optional<Payment> payment = payments.findForUpdate(tx.connection(), orderId);
        Optional<Increment> recorded = increments.find(tx.connection(), orderId, operationId);
        if (recorded.isEmpty()) {
            String currency = payment.map(p -> p.amount().currency()).orElse("");
            increments.save(tx.connection(), Increment.releasedUnauthorized(orderId, operationId, currency), tx.now());
        } else if (recorded.get().status() == IncrementStatus.CAPTURED) {
            throw new IllegalStateException("increment " + operationId + " of order " + orderId
                    + " was captured: it cannot be released, only refunded");
        } else if (recorded.get().holds()) {
            Payment released = releaser.release(tx, payment.orElseThrow(), recorded.get());
            payments.updateStatus(tx.connection(), released, tx.now());
        }
        tx.publish(orderId, PaymentReplies.incrementReleased(orderId, operationId));
    }
}
