package dev.oms.notification.adapters;

import dev.oms.contracts.MessageTypes;
import dev.oms.contracts.notification.v1.NotificationSent;
import dev.oms.contracts.notification.v1.SendNotification;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.TransactionContext;
import dev.oms.notification.api.Notification;
import dev.oms.notification.api.NotificationChannel;
import dev.oms.notification.domain.DedupKeys;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Sends a notification once per dedup key. The row claims the key before the channel is called, in the same
 * transaction, so a concurrent duplicate waits and then finds it; a repeat re-replies the recorded notification.
 */
public final class SendNotificationHandler implements MessageHandler {
    private final NotificationTable notifications;
    private final NotificationChannel channel;

    public SendNotificationHandler(NotificationTable notifications, NotificationChannel channel) {
        this.notifications = notifications;
        this.channel = channel;
    }

    /** The command types this handler applies: the types its subscription asks for. */
    public Set<String> types() {
        return Set.of(MessageTypes.typeOf(SendNotification.getDefaultInstance()));
    }

    @Override
    public void handle(IncomingMessage message, TransactionContext tx) throws SQLException {
        Notification sent = recordedOrSend(tx, notification(message.payloadAs(SendNotification.class)));
        tx.publish(sent.orderId(), NotificationSent.newBuilder()
                .setOrderId(sent.orderId())
                .setNotificationId(sent.notificationId())
                .setChannel(sent.channel())
                .setTemplate(sent.template())
                .setRecipient(sent.recipient())
                .setDedupKey(sent.dedupKey())
                .build());
    }

    private Notification recordedOrSend(TransactionContext tx, Notification requested) throws SQLException {
        Optional<Notification> recorded = notifications.findByDedupKey(tx.connection(), requested.dedupKey());
        if (recorded.isPresent()) {
            return recorded.get();
        }
        if (!notifications.insertIfAbsent(tx.connection(), requested, tx.now())) {
            return notifications.findByDedupKey(tx.connection(), requested.dedupKey()).orElseThrow();
        }
        channel.send(requested);
        return requested;
    }

    private static Notification notification(SendNotification command) {
        return new Notification(UUID.randomUUID().toString(), command.getOrderId(), command.getCustomerId(),
                command.getChannel(), command.getTemplate(), command.getRecipient(),
                DedupKeys.resolve(command.getDedupKey(), command.getOrderId(), command.getTemplate(), command.getChannel()),
                command.getParamsMap());
    }
}
