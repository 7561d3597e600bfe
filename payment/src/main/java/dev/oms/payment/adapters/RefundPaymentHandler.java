package dev.oms.payment.adapters;

import dev.oms.contracts.payment.v1.RefundPayment;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.TransactionContext;
import dev.oms.payment.api.Money;
import dev.oms.payment.api.PaymentProvider;
import dev.oms.payment.domain.IdempotencyKeys;
import dev.oms.payment.domain.Increment;
import dev.oms.payment.domain.Payment;
import dev.oms.payment.domain.PaymentStatus;
import dev.oms.payment.domain.RefundSplit;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Gives an order's money back. Without an amount (a cancellation): whatever point the payment reached, a capture is
 * refunded in full, what is left of it after partial refunds included (PaymentRefunded), funds only held are voided
 * (AuthorizationVoided), and with nothing taken or held it replies AuthorizationVoided. With an amount and an
 * operation id (a return's lines, a cancelled rest, a lower edit): exactly that much of the capture is refunded, once
 * per operation id; a repeat answers the refund it made. More than is left to refund is refused with an exception, so
 * the command is parked for an operator rather than answered falsely. An order edited to a higher total was captured on
 * several authorizations (the original and its increments): a refund spreads over them (RefundSplit), and a
 * cancellation also releases increments still only held.
 */
final class RefundPaymentHandler implements MessageHandler {
    static final String KIND = "REFUND";

    private final PaymentTable payments;
    private final IncrementTable increments;
    private final AuthorizationVoider voider;
    private final IncrementReleaser releaser;
    private final SplitRefunds refunds;

    RefundPaymentHandler(PaymentTable payments, IncrementTable increments, PaymentProvider provider) {
        this.payments = payments;
        this.increments = increments;
        this.voider = new AuthorizationVoider(payments, provider);
        this.releaser = new IncrementReleaser(increments, provider);
        this.refunds = new SplitRefunds(increments, provider);
    }

    @Override
    public void handle(IncomingMessage message, TransactionContext tx) throws SQLException {
        RefundPayment command = message.payloadAs(RefundPayment.class);
        String orderId = command.getOrderId();
        if (command.hasAmount()) {
            refundPart(message, tx, command);
            return;
        }
        String key = IdempotencyKeys.of(message.envelope().sagaId(), orderId, command.getDescriptorForType().getName());
        Optional<Payment> recorded = payments.findForUpdate(tx.connection(), orderId);
        if (recorded.isEmpty() || !recorded.get().status().wasCaptured()) {
            tx.publish(orderId, voider.release(tx, orderId, recorded, key));
            return;
        }
        Payment payment = recorded.get();
        for (Increment held : increments.of(tx.connection(), orderId)) {
            if (held.holds()) {
                payment = releaser.release(tx, payment, held);
            }
        }
        Money part;
        if (payment.status() != PaymentStatus.REFUNDED) {
            List<Increment> of = increments.of(tx.connection(), orderId);
            RefundSplit split = RefundSplit.everything(RefundSplit.sources(payment, of));
            Payment refunded = payment.refunded();
            refunds.book(tx, key, payment, of, split);
            part = new Money(split.total(), payment.ledger().currency());
            payment = refunded;
        } else {
            part = new Money(payment.ledger().captured(), payment.ledger().currency());
        }
        payments.updateStatus(tx.connection(), payment, tx.now());
        tx.publish(orderId, PaymentReplies.refunded(payment, part, ""));
    }

    private void refundPart(IncomingMessage message, TransactionContext tx, RefundPayment command) throws SQLException {
        String orderId = command.getOrderId();
        String operationId = command.getOperationId();
        if (operationId.isBlank()) {
            throw new IllegalArgumentException("a partial refund of order " + orderId + " needs an operation id");
        }
        Payment payment = payments.findForUpdate(tx.connection(), orderId)
                .orElseThrow(() -> new IllegalStateException("no payment to refund for order " + orderId));
        Optional<Money> done = payments.operation(tx.connection(), orderId, KIND, operationId);
        if (done.isPresent()) {
            tx.publish(orderId, PaymentReplies.refunded(payment, done.get(), operationId));
            return;
        }
        Money part = new Money(command.getAmount().getAmount(), command.getAmount().getCurrency());
        if (part.amount() == 0) { // a return of free items: nothing to give back, and nothing to book
            tx.publish(orderId, PaymentReplies.refunded(payment, part, operationId));
            return;
        }
        if (!payment.status().wasCaptured()) {
            throw new IllegalStateException("order " + orderId + " has nothing captured to refund (" + payment.status() + ")");
        }
        Payment refunded = payment.refunded(part); // PaymentLedgerException when more than is left
        List<Increment> of = increments.of(tx.connection(), orderId);
        RefundSplit split = RefundSplit.of(part.amount(), RefundSplit.sources(payment, of));
        refunds.book(tx, IdempotencyKeys.of(message.envelope().sagaId(), orderId,
                command.getDescriptorForType().getName(), operationId), payment, of, split);
        payments.updateStatus(tx.connection(), refunded, tx.now());
        payments.recordOperation(tx.connection(), orderId, KIND, operationId, part, tx.now());
        tx.publish(orderId, PaymentReplies.refunded(refunded, part, operationId));
    }
}
