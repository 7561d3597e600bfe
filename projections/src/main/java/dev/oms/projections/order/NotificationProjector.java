package dev.oms.projections.order;

import dev.oms.contracts.Envelope;
import dev.oms.contracts.notification.v1.NotificationSent;
import dev.oms.projections.internal.EventRoutes;
import dev.oms.projections.internal.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;

/** The notifications sent to the customer about an order; in SQL, and in memory for a rebuild. */
final class NotificationProjector {
    private NotificationProjector() {}

    static void routeTo(EventRoutes routes) {
        routes.on(NotificationSent.getDefaultInstance(), NotificationProjector::sent);
    }

    static void foldTo(FoldRoutes routes) {
        routes.on(NotificationSent.getDefaultInstance(), NotificationProjector::sent);
    }

    static void sent(NotificationSent event, Envelope envelope, Connection c) throws SQLException {
        OrderRows.touch(c, event.getOrderId(), envelope.occurredAt());
        Jdbc.update(c, """
                INSERT INTO order_notification_view (notification_id, order_id, channel, template, recipient, sent_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (notification_id) DO NOTHING""",
                idOf(event, envelope), event.getOrderId(), event.getChannel(), event.getTemplate(), event.getRecipient(),
                envelope.occurredAt());
    }

    static void sent(NotificationSent event, Envelope envelope, FoldedOrder order) {
        order.touch(envelope.occurredAt());
        String id = idOf(event, envelope);
        order.notifications.putIfAbsent(id, new Object[] {id, event.getOrderId(), event.getChannel(),
                event.getTemplate(), event.getRecipient(), envelope.occurredAt()});
    }

    /** The dedup key names the same notification across retries when a sender leaves the id out. */
    private static String idOf(NotificationSent event, Envelope envelope) {
        if (!event.getNotificationId().isEmpty()) {
            return event.getNotificationId();
        }
        return event.getDedupKey().isEmpty() ? envelope.messageId().toString() : event.getDedupKey();
    }
}
