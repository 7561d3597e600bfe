package dev.oms.notification.api;

/**
 * Delivers notifications (email, SMS, push). The service calls a channel at most once per dedup key unless the
 * channel threw: it records the send intent before the call and the outcome after it (docs/email.md). A channel that
 * cannot deliver throws, and must then have delivered nothing; the command is retried. A real channel should still
 * give its provider an identity derived from {@link Notification#dedupKey()} (the SMTP channel's Message-ID).
 */
public interface NotificationChannel {

    void send(Notification notification);

    /**
     * Whether a send reaches someone outside the service (a mail server, an SMS gateway): only then is the send intent
     * recorded on a connection of its own (two commits per notification) to keep a redelivery from sending twice.
     */
    default boolean reachesOutside() {
        return true;
    }
}
