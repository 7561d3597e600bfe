package dev.oms.payment.adapters;

import dev.oms.contracts.payment.v1.CapturePayment;
import dev.oms.messaging.CrashPoints;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.TransactionContext;
import dev.oms.payment.api.CaptureResult;
import dev.oms.payment.api.PaymentProvider;
import dev.oms.payment.domain.IdempotencyKeys;
import dev.oms.payment.domain.Payment;
import java.sql.SQLException;

/**
 * Takes the authorized funds. A repeat re-replies without a second capture. A capture the provider refuses for now
 * leaves the payment AUTHORIZED and replies PaymentCaptureFailed: the saga retries with the same idempotency key.
 * Capturing a payment that was never authorized, or was voided, is refused with an exception, so the command is
 * parked rather than answered falsely. A capture with an operation id is an order edit's increment
 * (IncrementCaptureHandler).
 */
final class CapturePaymentHandler implements MessageHandler {
    private final PaymentTable payments;
    private final PaymentProvider provider;
    private final IncrementCaptureHandler increments;

    CapturePaymentHandler(PaymentTable payments, IncrementTable increments, PaymentProvider provider) {
        this.payments = payments;
        this.provider = provider;
        this.increments = new IncrementCaptureHandler(payments, increments, provider);
    }

    @Override
    public void handle(IncomingMessage message, TransactionContext tx) throws SQLException {
        CapturePayment command = message.payloadAs(CapturePayment.class);
        if (!command.getOperationId().isBlank()) {
            increments.handle(message, tx);
            return;
        }
        String orderId = command.getOrderId();
        Payment payment = payments.findForUpdate(tx.connection(), orderId)
                .orElseThrow(() -> new IllegalStateException("no payment to capture for order " + orderId));
        if (!payment.status().wasCaptured()) {
            Payment captured = payment.captured();
            CaptureResult result = provider.capture(IdempotencyKeys.of(message.envelope().sagaId(), orderId,
                    command.getDescriptorForType().getName()), orderId, captured.authorizationId(), captured.amount());
            CrashPoints.reached(CrashPoints.PAYMENT_AFTER_PROVIDER_CALL);
            if (result instanceof CaptureResult.Refused refused) {
                tx.publish(orderId, PaymentReplies.captureFailed(orderId, refused.reason()));
                return;
            }
            payments.updateStatus(tx.connection(), captured, tx.now());
            payment = captured;
        }
        tx.publish(orderId, PaymentReplies.captured(payment));
    }
}
