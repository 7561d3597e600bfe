package dev.oms.webhooks.adapters;

import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.TransactionContext;
import dev.oms.webhooks.domain.EventTypes;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns an event into one delivery per active endpoint that subscribed to its type, in the transaction that records
 * the event in the inbox: a crash before the commit gets the event again, and a repeat finds its rows. The active
 * endpoints come from the service's copy of the table (refreshed every second and on every change made here).
 */
public final class EventHandler implements MessageHandler {
    private final Supplier<List<EndpointTable.Stored>> activeEndpoints;
    private final DeliveryTable deliveries;

    public EventHandler(Supplier<List<EndpointTable.Stored>> activeEndpoints, DeliveryTable deliveries) {
        this.activeEndpoints = activeEndpoints;
        this.deliveries = deliveries;
    }

    @Override
    public void handle(IncomingMessage message, TransactionContext tx) throws SQLException {
        String payload = null;
        for (EndpointTable.Stored endpoint : activeEndpoints.get()) {
            if (EventTypes.matches(endpoint.endpoint().eventTypes(), message.type())) {
                payload = payload == null ? EventPayloads.of(message) : payload;
                deliveries.insertIfAbsent(tx.connection(), endpoint.endpoint().id(), message.envelope().messageId(),
                        message.type(), payload, tx.now());
            }
        }
    }
}
