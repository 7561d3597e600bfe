package dev.oms.notification.api;

/**
 * Delivers notifications (email, SMS, push). A real channel should pass {@link Notification#dedupKey()} to its
 * provider as the idempotency key: the service sends once per key, but a crash between the send and the commit
 * makes it send again. A channel that cannot deliver throws; the command is then retried.
 */
public interface NotificationChannel {

    void send(Notification notification);
}
