package dev.oms.notification.adapters;

import dev.oms.contracts.MessageTypes;
import dev.oms.contracts.notification.v1.NotificationSent;
import dev.oms.contracts.notification.v1.SendNotification;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.TransactionContext;
import dev.oms.notification.api.Notification;
import dev.oms.notification.domain.DedupKeys;
import dev.oms.notification.domain.MessageIds;
import java.sql.SQLException;
import java.util.Set;

/** Applies SendNotification: sends once per dedup key and replies NotificationSent, the same for every repeat. */
public final class SendNotificationHandler implements MessageHandler {
    private final NotificationSender sender;

    public SendNotificationHandler(NotificationSender sender) {
        this.sender = sender;
    }

    /** The command types this handler applies: the types its subscription asks for. */
    public Set<String> types() {
        return Set.of(MessageTypes.typeOf(SendNotification.getDefaultInstance()));
    }

    @Override
    public void handle(IncomingMessage message, TransactionContext tx) throws SQLException {
        Notification sent = sender.sendOnce(tx, notification(message.payloadAs(SendNotification.class)));
        tx.publish(sent.orderId(), NotificationSent.newBuilder()
                .setOrderId(sent.orderId())
                .setNotificationId(sent.notificationId())
                .setChannel(sent.channel())
                .setTemplate(sent.template())
                .setRecipient(sent.recipient())
                .setDedupKey(sent.dedupKey())
                .build());
    }

    private static Notification notification(SendNotification command) {
        String dedupKey = DedupKeys.resolve(command.getDedupKey(), command.getOrderId(), command.getTemplate(),
                command.getChannel());
        return new Notification(MessageIds.notificationId(dedupKey), command.getOrderId(), command.getCustomerId(),
                command.getChannel(), command.getTemplate(), command.getRecipient(), dedupKey,
                command.getParamsMap());
    }
}
