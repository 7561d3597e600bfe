package dev.oms.payment.adapters;

import dev.oms.contracts.payment.v1.AuthorizePayment;
import dev.oms.messaging.CrashPoints;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.TransactionContext;
import dev.oms.payment.api.AuthorizationResult;
import dev.oms.payment.api.AuthorizationResult.Approved;
import dev.oms.payment.api.AuthorizationResult.Declined;
import dev.oms.payment.api.AuthorizationResult.Pending;
import dev.oms.payment.api.Money;
import dev.oms.payment.api.PaymentProvider;
import dev.oms.payment.api.PaymentProviderTimeoutException;
import dev.oms.payment.domain.IdempotencyKeys;
import dev.oms.payment.domain.Payment;
import dev.oms.payment.domain.PaymentStatus;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Authorizes an order's payment with the provider. A repeat re-replies the recorded outcome; should this
 * transaction roll back after the provider answered, the retry reaches the provider with the same key and gets
 * the same answer, so funds are never held twice. A provider that does not answer in time leaves the payment
 * AUTHORIZING and sends no reply: the saga's step timeout decides, and its VoidAuthorization releases whatever the
 * provider may hold. A repeat for a payment still AUTHORIZING asks the provider again with the same key. An
 * authorization the provider confirms later (3-D Secure) is answered when its webhook comes (ProviderWebhooks), or at
 * once when the webhook came first.
 */
final class AuthorizePaymentHandler implements MessageHandler {
    private final PaymentTable payments;
    private final PaymentProvider provider;

    private final ProviderWebhooks webhooks;

    AuthorizePaymentHandler(PaymentTable payments, PaymentProvider provider, ProviderWebhooks webhooks) {
        this.payments = payments;
        this.provider = provider;
        this.webhooks = webhooks;
    }

    @Override
    public void handle(IncomingMessage message, TransactionContext tx) throws SQLException {
        AuthorizePayment command = message.payloadAs(AuthorizePayment.class);
        Optional<Payment> recorded = payments.findForUpdate(tx.connection(), command.getOrderId());
        if (recorded.isPresent() && recorded.get().status() != PaymentStatus.AUTHORIZING) {
            tx.publish(command.getOrderId(), PaymentReplies.authorizationOutcome(recorded.get()));
            return;
        }
        Money amount = new Money(command.getAmount().getAmount(), command.getAmount().getCurrency());
        Payment payment = recorded.orElseGet(() ->
                Payment.authorizing(command.getOrderId(), UUID.randomUUID().toString(), amount));
        Optional<Payment> decided;
        if (!payment.amount().isChargeable()) {
            decided = Optional.of(payment.declined("invalid_amount", "the amount must be positive, in an ISO 4217 currency"));
        } else {
            AuthorizationResult answer = ask(message, command, payment);
            if (answer instanceof Pending pending) {
                payments.save(tx.connection(), payment, tx.now()); // the row the webhook will find
                decided = laterAnswer(message, tx, payment, pending);
            } else {
                decided = Optional.ofNullable(answer).map(result -> apply(payment, result));
            }
        }
        payments.save(tx.connection(), decided.orElse(payment), tx.now());
        decided.ifPresent(d -> tx.publish(command.getOrderId(), PaymentReplies.authorizationOutcome(d)));
    }

    /** The provider's answer; null when it gave none in time. */
    private AuthorizationResult ask(IncomingMessage message, AuthorizePayment command, Payment payment) {
        try {
            AuthorizationResult result = provider.authorize(key(message, command), command.getOrderId(),
                    command.getPaymentToken(), payment.amount());
            CrashPoints.reached(CrashPoints.PAYMENT_AFTER_PROVIDER_CALL);
            return result;
        } catch (PaymentProviderTimeoutException e) {
            return null;
        }
    }

    /**
     * An authorization the provider confirms later: the saga waiting is remembered for the webhook's answer, unless
     * the webhook came first and decides it now.
     */
    private Optional<Payment> laterAnswer(IncomingMessage message, TransactionContext tx, Payment payment,
                                          Pending pending) throws SQLException {
        payments.pending(tx.connection(), payment.orderId(), pending.reference(), message.envelope().sagaId());
        return webhooks.earlyDecision(tx, payment, pending.reference());
    }

    private static Payment apply(Payment payment, AuthorizationResult result) {
        if (result instanceof Approved approved) {
            return payment.authorized(approved.authorizationId());
        }
        Declined declined = (Declined) result;
        return payment.declined(declined.code(), declined.reason());
    }

    private static String key(IncomingMessage message, AuthorizePayment command) {
        return IdempotencyKeys.of(message.envelope().sagaId(), command.getOrderId(),
                command.getDescriptorForType().getName());
    }
}
