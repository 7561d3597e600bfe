package dev.oms.notification;

import dev.oms.contracts.notification.v1.NotificationSent;
import dev.oms.contracts.Channels;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.ServiceRuntime;
import dev.oms.messaging.Subscription;
import dev.oms.notification.adapters.LoggingNotificationChannel;
import dev.oms.notification.adapters.NotificationTable;
import dev.oms.notification.adapters.SendNotificationHandler;
import dev.oms.notification.api.NotificationChannel;
import java.util.List;

/** The notification service: sends customer notifications on the commands of its topic, once per dedup key. */
public final class NotificationService {
    public static final String NAME = "notification";

    private final SendNotificationHandler handler;

    private NotificationService(NotificationChannel channel) {
        this.handler = new SendNotificationHandler(new NotificationTable(), channel);
    }

    /** Registers with the development channel, which writes each notification as a log line. */
    public static NotificationService register(ServiceRuntime runtime) {
        return register(runtime, new LoggingNotificationChannel());
    }

    /** Registers its subscriptions and jobs on the runtime. The caller runs runtime.migrate() before and runtime.start() after. */
    public static NotificationService register(ServiceRuntime runtime, NotificationChannel channel) {
        NotificationService service = new NotificationService(channel);
        runtime.produces(NotificationSent.getDefaultInstance());
        runtime.subscribe(Subscription.of(NAME, List.of(Channels.NOTIFICATION_COMMANDS), service.handler.types(),
                service.handler));
        return service;
    }

    MessageHandler handler() {
        return handler;
    }
}
