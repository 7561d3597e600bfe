package dev.oms.notification.adapters;

import dev.oms.notification.api.Notification;
import dev.oms.notification.api.NotificationChannel;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The development channel: each notification becomes one log line instead of an email or a text. */
public final class LoggingNotificationChannel implements NotificationChannel {
    private static final Logger log = LoggerFactory.getLogger(LoggingNotificationChannel.class);

    @Override
    public void send(Notification n) {
        log.info("notification {} via {} to {}: template {} for order {} {}", n.notificationId(), n.channel(),
                n.recipient(), n.template(), n.orderId(), new TreeMap<>(n.params()));
    }

    /** A log line reaches nobody: a redelivery may log it again, and it needs no send intent recorded. */
    @Override
    public boolean reachesOutside() {
        return false;
    }
}
