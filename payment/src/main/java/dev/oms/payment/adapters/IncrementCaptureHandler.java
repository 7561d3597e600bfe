package dev.oms.payment.adapters;

import dev.oms.contracts.payment.v1.CapturePayment;
import dev.oms.messaging.CrashPoints;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.TransactionContext;
import dev.oms.payment.api.CaptureResult;
import dev.oms.payment.api.Money;
import dev.oms.payment.api.PaymentProvider;
import dev.oms.payment.domain.IdempotencyKeys;
import dev.oms.payment.domain.Increment;
import dev.oms.payment.domain.IncrementStatus;
import dev.oms.payment.domain.Payment;
import java.sql.SQLException;
import java.util.Optional;

/**
 * CapturePayment with an operation id: captures the order edit's increment of that id, whole, on its own
 * authorization. A repeat re-replies and captures nothing; an amount of 0 is answered and books nothing. A capture the
 * provider refuses for now replies PaymentCaptureFailed (the saga retries with the same key). An amount other than the
 * increment's, or an increment that is not held (never authorized, declined, released), is refused with an exception,
 * so the command is parked rather than answered falsely.
 */
final class IncrementCaptureHandler implements MessageHandler {
    static final String KIND = "CAPTURE";

    private final PaymentTable payments;
    private final IncrementTable increments;
    private final PaymentProvider provider;

    IncrementCaptureHandler(PaymentTable payments, IncrementTable increments, PaymentProvider provider) {
        this.payments = payments;
        this.increments = increments;
        this.provider = provider;
    }

    @Override
    public void handle(IncomingMessage message, TransactionContext tx) throws SQLException {
        CapturePayment command = message.payloadAs(CapturePayment.class);
        String orderId = command.getOrderId();
        String operationId = command.getOperationId();
        Payment payment = payments.findForUpdate(tx.connection(), orderId)
                .orElseThrow(() -> new IllegalStateException("no payment to capture for order " + orderId));
        Optional<Increment> recorded = increments.find(tx.connection(), orderId, operationId);
        Optional<Money> asked = command.hasAmount()
                ? Optional.of(new Money(command.getAmount().getAmount(), command.getAmount().getCurrency()))
                : Optional.empty();
        if (asked.isPresent() && asked.get().amount() == 0 && recorded.map(i -> i.amount().amount() == 0).orElse(true)) {
            tx.publish(orderId, PaymentReplies.captured(payment, asked.get(), operationId));
            return;
        }
        Increment increment = recorded.orElseThrow(() -> new IllegalStateException(
                "order " + orderId + " has no increment " + operationId + " to capture"));
        if (asked.isPresent() && !asked.get().equals(increment.amount())) {
            throw new IllegalArgumentException("capture " + operationId + " of order " + orderId + " asks " + asked.get()
                    + ", the increment is " + increment.amount());
        }
        if (increment.status() != IncrementStatus.CAPTURED) {
            Increment captured = increment.captured(); // IllegalStateException unless it is held
            Payment after = payment.incrementCaptured(increment.amount());
            CaptureResult result = provider.capture(IdempotencyKeys.of(message.envelope().sagaId(), orderId,
                    command.getDescriptorForType().getName(), operationId), orderId, increment.authorizationId(),
                    increment.amount());
            CrashPoints.reached(CrashPoints.PAYMENT_AFTER_PROVIDER_CALL);
            if (result instanceof CaptureResult.Refused refused) {
                tx.publish(orderId, PaymentReplies.captureFailed(orderId, refused.reason()));
                return;
            }
            increments.save(tx.connection(), captured, tx.now());
            payments.updateStatus(tx.connection(), after, tx.now());
            payments.recordOperation(tx.connection(), orderId, KIND, operationId, increment.amount(), tx.now());
            payment = after;
        }
        tx.publish(orderId, PaymentReplies.captured(payment, increment.amount(), operationId));
    }
}
