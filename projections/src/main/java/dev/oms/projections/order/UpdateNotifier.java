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
        if (notifyOtherProcesses) {
            notifyOthers(tx, message);
        }
        if (type.equals(SAGA_UPDATED) ? !updates.hasSagaListeners() : !updates.hasOrderListeners()) {
            return; // nobody to tell: skip reading it back
        }
        if (type.equals(PLACED)) {
            OrderPlaced placed = message.payloadAs(OrderPlaced.class);
            tellOrder(tx, JdbcOrderQueries.currentStatus(tx.connection(), placed.getOrderId()));
        } else if (type.equals(STATUS_CHANGED)) {
            OrderStatusChanged changed = message.payloadAs(OrderStatusChanged.class);
            tellOrder(tx, JdbcOrderQueries.currentStatus(tx.connection(), changed.getOrderId())
                    .filter(now -> now.status().equals(changed.getStatus())));
        } else if (type.equals(SAGA_UPDATED)) {
            SagaUpdated snapshot = message.payloadAs(SagaUpdated.class);
            Optional<SagaView> saga = SagaRows.one(tx.connection(), snapshot.getSagaId(), snapshot.getVersion());
            saga.ifPresent(view -> tx.afterCommit(() -> updates.publish(view)));
        }
    }

    /** A NOTIFY sent with the projection's commit (PostgreSQL delivers it then, or never if it rolls back). */
    private static void notifyOthers(TransactionContext tx, IncomingMessage message) throws java.sql.SQLException {
        String payload;
        if (message.payload() instanceof OrderPlaced placed) {
            payload = "p|" + placed.getOrderId();
        } else if (message.payload() instanceof OrderStatusChanged changed) {
            payload = "o|" + changed.getOrderId() + "|" + changed.getStatus();
        } else if (message.payload() instanceof SagaUpdated saga) {
            payload = "s|" + saga.getSagaId() + "|" + saga.getVersion();
        } else {
            return;
        }
        try (java.sql.PreparedStatement notify = tx.connection().prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, payload);
            notify.execute();
        }
    }

    private void tellOrder(TransactionContext tx, Optional<OrderUpdate> update) {
        update.ifPresent(now -> tx.afterCommit(() -> updates.publish(now)));
    }
}
