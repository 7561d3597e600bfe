package dev.oms.notification.adapters;

import dev.oms.contracts.MessageTypes;
import dev.oms.contracts.order.v1.OrderPlaced;
import dev.oms.contracts.order.v1.OrderStatusChanged;
import dev.oms.contracts.payment.v1.PaymentRefunded;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.TransactionContext;
import dev.oms.notification.api.Notification;
import dev.oms.notification.domain.MailKind;
import dev.oms.notification.domain.MessageIds;
import dev.oms.notification.domain.OrderEventMails;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emails the customer on order events nobody sends a SendNotification for: shipped, delivered, cancelled (from
 * OrderStatusChanged) and refunded (PaymentRefunded), once per dedup key like commands. These reply nothing: no saga
 * waits for them, and a NotificationSent would reach the order's saga as if it were the reply to its own step.
 */
public final class OrderEventsHandler implements MessageHandler {
    private static final Logger log = LoggerFactory.getLogger(OrderEventsHandler.class);
    private final OrderCustomerTable orders;
    private final NotificationSender sender;

    public OrderEventsHandler(OrderCustomerTable orders, NotificationSender sender) {
        this.orders = orders;
        this.sender = sender;
    }

    public Set<String> types() {
        return Set.of(MessageTypes.typeOf(OrderPlaced.getDefaultInstance()),
                MessageTypes.typeOf(OrderStatusChanged.getDefaultInstance()),
                MessageTypes.typeOf(PaymentRefunded.getDefaultInstance()));
    }

    @Override
    public void handle(IncomingMessage message, TransactionContext tx) throws SQLException {
        if (message.payload() instanceof OrderPlaced placed) {
            orders.remember(tx.connection(), placed.getOrderId(), placed.getCustomerId(), tx.now());
        } else if (message.payload() instanceof OrderStatusChanged changed) {
            Optional<MailKind> kind = OrderEventMails.forStatus(changed.getStatus());
            if (kind.isPresent()) {
                Map<String, String> params = changed.getReason().isBlank() ? Map.of() : Map.of("reason", changed.getReason());
                send(tx, changed.getOrderId(), kind.get(), OrderEventMails.statusKey(kind.get(), changed.getOrderId()),
                        params);
            }
        } else if (message.payload() instanceof PaymentRefunded refunded) {
            send(tx, refunded.getOrderId(), MailKind.ORDER_REFUNDED, OrderEventMails.refundKey(refunded.getOrderId(),
                            refunded.getOperationId(), refunded.getPaymentId(), refunded.getRefundedTotal().getAmount()),
                    Map.of("amount", Long.toString(refunded.getAmount().getAmount()),
                            "currency", refunded.getAmount().getCurrency()));
        }
    }

    private void send(TransactionContext tx, String orderId, MailKind kind, String dedupKey, Map<String, String> params)
            throws SQLException {
        Optional<String> customer = orders.customerOf(tx.connection(), orderId);
        if (customer.isEmpty()) {
            // placed before this service read the events (or its OrderPlaced is not here yet): nobody to write to
            log.info("no email {} for order {}: its customer is unknown here (no OrderPlaced seen)", kind.template(), orderId);
            return;
        }
        sender.sendOnce(tx, new Notification(MessageIds.notificationId(dedupKey), orderId, customer.get(), "email",
                kind.template(), customer.get(), dedupKey, params));
    }
}
