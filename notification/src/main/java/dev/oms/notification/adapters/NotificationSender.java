package dev.oms.notification.adapters;

import dev.oms.messaging.CrashPoints;
import dev.oms.messaging.TransactionContext;
import dev.oms.notification.api.Notification;
import dev.oms.notification.api.NotificationChannel;
import dev.oms.notification.domain.MessageIds;
import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a notification once per dedup key. The notification row claims the key in the handler's transaction, so a
 * concurrent duplicate waits and then finds it; a repeat gets the recorded notification. That row commits only after
 * the send, so the send intent is committed on its own before the channel is called ({@link DeliveryTable}): a
 * redelivery after a crash or a rolled-back transaction finds it and does not call the channel again
 * (docs/email.md, "The delivery guarantee").
 */
public final class NotificationSender {
    /** Failure injection (OMS_CRASH_POINT): the channel accepted the notification, its SENT is not recorded yet. */
    public static final String CRASH_AFTER_SEND = "notification.after-send";
    private static final Logger log = LoggerFactory.getLogger(NotificationSender.class);

    private final NotificationTable notifications;
    private final DeliveryTable deliveries;
    private final NotificationChannel channel;
    private final Runnable afterSend;

    /** {@code afterSend} runs between a send and its record: a test hook, a no-op otherwise. */
    public NotificationSender(NotificationTable notifications, DeliveryTable deliveries, NotificationChannel channel,
                              Runnable afterSend) {
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.channel = channel;
        this.afterSend = afterSend;
    }

    /** The notification recorded for the key of {@code requested}, sending it first if there is none. */
    public Notification sendOnce(TransactionContext tx, Notification requested) throws SQLException {
        Optional<Notification> recorded = notifications.findByDedupKey(tx.connection(), requested.dedupKey());
        if (recorded.isPresent()) {
            return recorded.get();
        }
        if (!notifications.insertIfAbsent(tx.connection(), requested, tx.now())) {
            return notifications.findByDedupKey(tx.connection(), requested.dedupKey()).orElseThrow();
        }
        deliverOnce(tx, requested);
        return requested;
    }

    private void deliverOnce(TransactionContext tx, Notification n) throws SQLException {
        if (!channel.reachesOutside()) {
            channel.send(n);
            return;
        }
        DeliveryTable.Claim claim = deliveries.claim(n.dedupKey(), n.notificationId(),
                MessageIds.messageKey(n.dedupKey()), tx.now());
        if (claim instanceof DeliveryTable.Claim.Earlier earlier) {
            if (earlier.status() != DeliveryTable.Status.SENT) {
                log.warn("notification {} ({}) was handed to the channel before but its send was never recorded"
                                + " (a crash in between): not sending it again; look for {} in the mail server's log",
                        n.notificationId(), n.dedupKey(), MessageIds.messageKey(n.dedupKey()));
                deliveries.markUnconfirmed(n.dedupKey());
            }
            return;
        }
        try {
            channel.send(n);
        } catch (RuntimeException e) {
            deliveries.markFailed(n.dedupKey(), e.toString());
            throw e;
        }
        CrashPoints.reached(CRASH_AFTER_SEND);
        afterSend.run();
        deliveries.markSent(n.dedupKey());
    }
}
