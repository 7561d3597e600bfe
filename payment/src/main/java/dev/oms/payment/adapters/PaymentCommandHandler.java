package dev.oms.payment.adapters;

import com.google.protobuf.Message;
import dev.oms.contracts.MessageTypes;
import dev.oms.contracts.payment.v1.AuthorizeIncrement;
import dev.oms.contracts.payment.v1.AuthorizePayment;
import dev.oms.contracts.payment.v1.CapturePayment;
import dev.oms.contracts.payment.v1.RefundPayment;
import dev.oms.contracts.payment.v1.ReleaseIncrement;
import dev.oms.contracts.payment.v1.VoidAuthorization;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.TransactionContext;
import dev.oms.payment.api.PaymentProvider;
import java.util.Map;
import java.util.Set;

/** Routes each payment command to its handler. */
public final class PaymentCommandHandler implements MessageHandler {
    private final Map<String, MessageHandler> handlers;

    public PaymentCommandHandler(PaymentTable payments, PaymentProvider provider, ProviderWebhooks webhooks) {
        IncrementTable increments = new IncrementTable();
        handlers = Map.of(
                type(AuthorizePayment.getDefaultInstance()), new AuthorizePaymentHandler(payments, provider, webhooks),
                type(VoidAuthorization.getDefaultInstance()), new VoidAuthorizationHandler(payments, provider),
                type(CapturePayment.getDefaultInstance()), new CapturePaymentHandler(payments, increments, provider),
                type(RefundPayment.getDefaultInstance()), new RefundPaymentHandler(payments, increments, provider),
                type(AuthorizeIncrement.getDefaultInstance()),
                new AuthorizeIncrementHandler(payments, increments, provider),
                type(ReleaseIncrement.getDefaultInstance()), new ReleaseIncrementHandler(payments, increments, provider));
    }

    /** The command types this handler applies: the types its subscription asks for. */
    public Set<String> types() {
        return handlers.keySet();
    }

    @Override
    public void handle(IncomingMessage message, TransactionContext tx) throws Exception {
        MessageHandler handler = handlers.get(message.type());
        if (handler == null) {
            throw new IllegalArgumentException("payment does not handle " + message.type());
        }
        handler.handle(message, tx);
    }

    private static String type(Message prototype) {
        return MessageTypes.typeOf(prototype);
    }
}
