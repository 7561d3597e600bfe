package dev.oms.payment.adapters;

import com.google.protobuf.Message;
import dev.oms.contracts.payment.v1.AuthorizeIncrement;
import dev.oms.messaging.CrashPoints;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.TransactionContext;
import dev.oms.payment.api.AuthorizationResult;
import dev.oms.payment.api.AuthorizationResult.Approved;
import dev.oms.payment.api.AuthorizationResult.Declined;
import dev.oms.payment.api.Money;
import dev.oms.payment.api.PaymentProvider;
import dev.oms.payment.api.PaymentProviderTimeoutException;
import dev.oms.payment.domain.IdempotencyKeys;
import dev.oms.payment.domain.Increment;
import dev.oms.payment.domain.Payment;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Authorizes an order edit's higher total on top of the captured payment: a separate authorization with the order's
 * payment token, once per operation id; a repeat re-replies what was recorded and books nothing. An amount of 0 is
 * answered at once (the edit's saga always asks). An increment never waits: an authorization the card holder would
 * have to confirm, or one the provider did not answer, is voided at once and declined. A decline is recorded too, and
 * so is a release that came first (the increment is then declined).
 */
final class AuthorizeIncrementHandler implements MessageHandler {
    static final String NOT_CAPTURED = "PAYMENT_NOT_CAPTURED";
    static final String RELEASED = "INCREMENT_RELEASED";
    static final String CONFIRMATION_REQUIRED = "CONFIRMATION_REQUIRED";

    private final PaymentTable payments;
    private final IncrementTable increments;
    private final PaymentProvider provider;

    AuthorizeIncrementHandler(PaymentTable payments, IncrementTable increments, PaymentProvider provider) {
        this.payments = payments;
        this.increments = increments;
        this.provider = provider;
    }

    @Override
    public void handle(IncomingMessage message, TransactionContext tx) throws SQLException {
        AuthorizeIncrement command = message.payloadAs(AuthorizeIncrement.class);
        String orderId = command.getOrderId();
        String operationId = requireOperation(orderId, command.getOperationId());
        Optional<Payment> payment = payments.findForUpdate(tx.connection(), orderId);
        Optional<Increment> recorded = increments.find(tx.connection(), orderId, operationId);
        if (recorded.isPresent()) {
            tx.publish(orderId, outcome(recorded.get(), payment));
            return;
        }
        Money amount = new Money(command.getAmount().getAmount(), command.getAmount().getCurrency());
        if (amount.amount() == 0) { // an edit that costs nothing more: nothing to hold, nothing to book
            tx.publish(orderId, PaymentReplies.incrementAuthorized(orderId, operationId, amount, total(payment, amount)));
            return;
        }
        Increment decided = decide(message, command, payment, amount);
        increments.save(tx.connection(), decided, tx.now());
        if (decided.holds()) {
            Payment grown = payment.orElseThrow().incremented(amount);
            payments.updateStatus(tx.connection(), grown, tx.now());
            payment = Optional.of(grown);
        }
        tx.publish(orderId, outcome(decided, payment));
    }

    private Increment decide(IncomingMessage message, AuthorizeIncrement command, Optional<Payment> payment,
                             Money amount) {
        String orderId = command.getOrderId();
        String operationId = command.getOperationId();
        if (payment.isEmpty() || !payment.get().takesIncrements()) {
            return Increment.declined(orderId, operationId, amount, NOT_CAPTURED, "the payment of order " + orderId
                    + " is " + payment.map(p -> p.status().name()).orElse("missing")
                    + ": only a captured payment takes an increment");
        }
        if (!amount.isChargeable() || !amount.currency().equals(payment.get().amount().currency())) {
            return Increment.declined(orderId, operationId, amount, "invalid_amount",
                    "the amount must be positive, in the payment's currency " + payment.get().amount().currency());
        }
        String key = IdempotencyKeys.of(message.envelope().sagaId(), orderId,
                command.getDescriptorForType().getName(), operationId);
        AuthorizationResult answer;
        try {
            answer = provider.authorize(key, orderId, command.getPaymentToken(), amount);
        } catch (PaymentProviderTimeoutException e) {
            answer = null;
        }
        CrashPoints.reached(CrashPoints.PAYMENT_AFTER_PROVIDER_CALL);
        if (answer instanceof Approved approved) {
            return Increment.authorized(orderId, operationId, amount, approved.authorizationId());
        }
        if (answer instanceof Declined declined) {
            return Increment.declined(orderId, operationId, amount, declined.code(), declined.reason());
        }
        // Pending or unanswered: the provider holds it, or may, without having named it to us. It is the order's
        // latest authorization, which is what a void without authorization id releases.
        provider.voidAuthorization(IdempotencyKeys.releaseOf(orderId, operationId), orderId, null);
        return answer == null
                ? Increment.declined(orderId, operationId, amount, PaymentReplies.VOIDED_UNANSWERED,
                        "the provider did not answer in time and the authorization was voided")
                : Increment.declined(orderId, operationId, amount, CONFIRMATION_REQUIRED,
                        "the card holder would have to confirm the increment; it was voided");
    }

    private static Message outcome(Increment increment, Optional<Payment> payment) {
        String orderId = increment.orderId();
        return switch (increment.status()) {
            case AUTHORIZED, CAPTURED -> PaymentReplies.incrementAuthorized(orderId, increment.operationId(),
                    increment.amount(), total(payment, increment.amount()));
            case DECLINED -> PaymentReplies.declined(orderId, increment.declineCode(), increment.declineReason());
            case VOIDED -> PaymentReplies.declined(orderId, RELEASED,
                    "increment " + increment.operationId() + " was released");
        };
    }

    /** What the payment holds authorized, less what was released; 0 without a payment. */
    private static Money total(Optional<Payment> payment, Money like) {
        return payment.filter(Payment::wasApproved)
                .map(p -> new Money(p.ledger().authorized() - p.ledger().voided(), p.ledger().currency()))
                .orElse(new Money(0, like.currency()));
    }

    static String requireOperation(String orderId, String operationId) {
        if (operationId.isBlank()) {
            throw new IllegalArgumentException("an increment of order " + orderId + " needs an operation id");
        }
        return operationId;
    }
}
