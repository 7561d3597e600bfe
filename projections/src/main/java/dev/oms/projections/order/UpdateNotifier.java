package dev.oms.projections.order;

import dev.oms.contracts.MessageTypes;
import dev.oms.contracts.order.v1.OrderPlaced;
import dev.oms.contracts.order.v1.OrderStatusChanged;
import dev.oms.contracts.order.v1.SagaUpdated;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.TransactionContext;
import dev.oms.projections.api.LocalProjectionUpdates;
import dev.oms.projections.api.OrderUpdate;
import dev.oms.projections.api.SagaView;
import java.util.Optional;
import java.util.Set;

/**
 * Tells listeners what an event changed, once the projection has committed it. What it tells is read back from the
 * read tables in the same transaction, so a stale redelivery tells nothing new: the order's status is told only
 * when the event set it (or when the order first becomes visible), a saga only when the event's snapshot is the
 * one shown.
 */
final class UpdateNotifier implements MessageHandler {
    private static final String PLACED = MessageTypes.typeOf(OrderPlaced.getDefaultInstance());
    private static final String STATUS_CHANGED = MessageTypes.typeOf(OrderStatusChanged.getDefaultInstance());
    private static final String SAGA_UPDATED = MessageTypes.typeOf(SagaUpdated.getDefaultInstance());

    /** The PostgreSQL channel on which the projections tell BFFs in other processes what changed. */
    static final String CHANNEL = "oms_projection_updates";

    private final LocalProjectionUpdates updates;
    private final boolean notifyOtherProcesses;

    UpdateNotifier(LocalProjectionUpdates updates, boolean notifyOtherProcesses) {
        this.updates = updates;
        this.notifyOtherProcesses = notifyOtherProcesses;
    }

    static Set<String> types() {
        return Set.of(PLACED, STATUS_CHANGED, SAGA_UPDATED);
    }

    @Override
    public void handle(IncomingMessage message, TransactionContext tx) throws Exception {
        String type = message.type();
        if (type.equals(SAGA_UPDATED)) {
            SagaUpdated snapshot = message.payloadAs(SagaUpdated.class);
            if (notifyOtherProcesses) {
                // the listener reads this version back: a saga view is too big for a notification
                notifyOthers(tx, "s|" + snapshot.getSagaId() + "|" + snapshot.getVersion());
            }
            if (updates.hasSagaListeners()) {
                Optional<SagaView> saga = SagaRows.one(tx.connection(), snapshot.getSagaId(), snapshot.getVersion());
                saga.ifPresent(view -> tx.afterCommit(() -> updates.publish(view)));
            }
            return;
        }
        if (!notifyOtherProcesses && !updates.hasOrderListeners()) {
            return; // nobody to tell: skip reading it back
        }
        Optional<OrderUpdate> update = Optional.empty();
        if (type.equals(PLACED)) {
            update = JdbcOrderQueries.currentStatus(tx.connection(), message.payloadAs(OrderPlaced.class).getOrderId());
        } else if (type.equals(STATUS_CHANGED)) {
            OrderStatusChanged changed = message.payloadAs(OrderStatusChanged.class);
            update = JdbcOrderQueries.currentStatus(tx.connection(), changed.getOrderId())
                    .filter(now -> now.status().equals(changed.getStatus()));
        }
        if (update.isPresent()) {
            OrderUpdate now = update.get();
            if (notifyOtherProcesses) {
                // the update itself: read back later, the order may have moved on
                notifyOthers(tx, "o|" + now.orderId() + "|" + now.status() + "|" + now.occurredAt() + "|" + now.placedAt()
                        + "|" + now.customerId());
            }
            tx.afterCommit(() -> updates.publish(now));
        }
    }

    /** A NOTIFY sent with the projection's commit (PostgreSQL delivers it then, or never if it rolls back). */
    private static void notifyOthers(TransactionContext tx, String payload) throws java.sql.SQLException {
        try (java.sql.PreparedStatement notify = tx.connection().prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, payload);
            notify.execute();
        }
    }

    /** The update a notification carries: {@code o|order|status|occurredAt|placedAt|customer}. */
    static OrderUpdate orderUpdate(String payload) {
        String[] parts = payload.split("\\|", 6);
        return new OrderUpdate(parts[1], parts[5], parts[2], java.time.Instant.parse(parts[3]),
                java.time.Instant.parse(parts[4]));
    }
}
