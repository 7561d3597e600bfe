package dev.oms.notification;

import dev.oms.contracts.Channels;
import dev.oms.contracts.notification.v1.NotificationSent;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.ServiceRuntime;
import dev.oms.messaging.Subscription;
import dev.oms.notification.adapters.DeliveryTable;
import dev.oms.notification.adapters.NotificationSender;
import dev.oms.notification.adapters.NotificationTable;
import dev.oms.notification.adapters.OrderCustomerTable;
import dev.oms.notification.adapters.OrderEventsHandler;
import dev.oms.notification.adapters.SendNotificationHandler;
import dev.oms.notification.api.NotificationChannel;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The notification service: sends customer notifications on the commands of its topic, once per dedup key, and
 * (OMS_NOTIFY_ORDER_EVENTS=true) on the order events shipped, delivered, cancelled and refunded.
 */
public final class NotificationService {
    public static final String NAME = "notification";

    private final SendNotificationHandler commands;
    private final OrderEventsHandler events;

    private NotificationService(ServiceRuntime runtime, NotificationChannel channel, Runnable afterSend) {
        NotificationSender sender = new NotificationSender(new NotificationTable(),
                new DeliveryTable(runtime.transactions().dataSource()), channel, afterSend);
        this.commands = new SendNotificationHandler(sender);
        this.events = new OrderEventsHandler(new OrderCustomerTable(), sender);
    }

    /**
     * Registers with the settings of the environment (OMS_NOTIFICATION_CHANNEL, default log: a log line per
     * notification); a bad setting fails here with a message naming the variable.
     */
    public static NotificationService register(ServiceRuntime runtime) {
        return register(runtime, NotificationSettings.fromEnv());
    }

    public static NotificationService register(ServiceRuntime runtime, NotificationSettings settings) {
        return register(runtime, settings.channel(), settings.orderEvents(), () -> { });
    }

    /** Registers its subscriptions and jobs on the runtime. The caller runs runtime.migrate() before and runtime.start() after. */
    public static NotificationService register(ServiceRuntime runtime, NotificationChannel channel) {
        return register(runtime, channel, false, () -> { });
    }

    /** As {@link #register(ServiceRuntime, NotificationChannel)}, with a test hook run between a send and its record. */
    static NotificationService register(ServiceRuntime runtime, NotificationChannel channel, boolean orderEvents,
                                        Runnable afterSend) {
        NotificationService service = new NotificationService(runtime, channel, afterSend);
        runtime.produces(NotificationSent.getDefaultInstance());
        if (orderEvents) {
            Set<String> types = new HashSet<>(service.commands.types());
            types.addAll(service.events.types());
            runtime.subscribe(Subscription.of(NAME, List.of(Channels.NOTIFICATION_COMMANDS, Channels.EVENTS), types,
                    service.handler()));
        } else {
            runtime.subscribe(Subscription.of(NAME, List.of(Channels.NOTIFICATION_COMMANDS), service.commands.types(),
                    service.commands));
        }
        return service;
    }

    /** Both handlers: commands, and order events (applied only when the subscription asks for them). */
    MessageHandler handler() {
        return (message, tx) -> {
            if (commands.types().contains(message.type())) {
                commands.handle(message, tx);
            } else if (events.types().contains(message.type())) {
                events.handle(message, tx);
            }
        };
    }
}
