package dev.oms.projections.order;

import com.google.protobuf.Message;
import dev.oms.contracts.Envelope;
import dev.oms.contracts.MessageTypes;
import dev.oms.contracts.fulfillment.v1.ShipmentCancelled;
import dev.oms.contracts.fulfillment.v1.ShipmentCreated;
import dev.oms.contracts.fulfillment.v1.ShipmentRevised;
import dev.oms.contracts.fulfillment.v1.ShipmentStatusChanged;
import dev.oms.contracts.notification.v1.NotificationSent;
import dev.oms.contracts.order.v1.OrderStatusChanged;
import dev.oms.contracts.order.v1.OrderEdited;
import dev.oms.contracts.fulfillment.v1.ShipmentHoldChanged;
import dev.oms.contracts.order.v1.SagaUpdated;
import dev.oms.contracts.payment.v1.AuthorizationVoided;
import dev.oms.contracts.payment.v1.PaymentAuthorized;
import dev.oms.contracts.payment.v1.PaymentCaptured;
import dev.oms.contracts.payment.v1.PaymentDeclined;
import dev.oms.contracts.payment.v1.PaymentRefunded;
import dev.oms.messaging.IncomingMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The writes most order events make, done for a whole poll in a few statements before its events are applied: each
 * event's timeline row, the touch of its order row (created if the event overtook OrderPlaced, updated_at moved
 * forward), and the saga snapshots (of sagas with one snapshot in the poll; a saga with more keeps them in order,
 * one by one). All are idempotent or versioned, so redeliveries in the poll change nothing. What was written is
 * remembered for the consuming thread and that transaction's connection, so that {@link OrderTimeline},
 * {@link OrderRows#touch} and {@link SagaProjector} skip it in the same transaction; any other transaction (a
 * replay, which applies events one by one without a poll) writes them as before.
 */
final class OrderPollWrites {
    /** The event types whose projector touches the order row first thing (must stay in step with the projectors). */
    static final Set<String> TOUCHING = Set.copyOf(Stream.<Message>of(OrderStatusChanged.getDefaultInstance(),
                    SagaUpdated.getDefaultInstance(), PaymentAuthorized.getDefaultInstance(),
                    PaymentDeclined.getDefaultInstance(), PaymentCaptured.getDefaultInstance(),
                    AuthorizationVoided.getDefaultInstance(), PaymentRefunded.getDefaultInstance(),
                    ShipmentCreated.getDefaultInstance(), ShipmentStatusChanged.getDefaultInstance(),
                    ShipmentCancelled.getDefaultInstance(), ShipmentRevised.getDefaultInstance(),
                    ShipmentHoldChanged.getDefaultInstance(), OrderEdited.getDefaultInstance(),
                    NotificationSent.getDefaultInstance())
            .map(MessageTypes::typeOf).toList());

    /** What a transaction (by its connection) wrote ahead of its events. */
    private record Written(Connection connection, Set<UUID> timeline, Map<String, Instant> touched, Set<UUID> sagas) {
        Written in(Connection c) {
            return connection == c ? this : NOTHING;
        }
    }

    private static final Written NOTHING = new Written(null, Set.of(), Map.of(), Set.of());
    private static final String SAGA_UPDATED = MessageTypes.typeOf(SagaUpdated.getDefaultInstance());
    private static final ThreadLocal<Written> CURRENT = ThreadLocal.withInitial(() -> NOTHING);

    private OrderPollWrites() {}

    /** Writes the timeline rows, touches and saga snapshots of {@code messages} (those of the timeline's types). */
    static void write(Connection c, List<IncomingMessage> messages) throws SQLException {
        Map<String, Instant> touched = new TreeMap<>(); // in key order, so two writers would lock rows alike
        Map<String, List<IncomingMessage>> snapshotsBySaga = new HashMap<>();
        for (IncomingMessage message : messages) {
            if (TOUCHING.contains(message.type())) {
                touched.merge(OrderTimeline.orderIdOf(message.payload(), message.envelope()),
                        message.envelope().occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
            if (message.type().equals(SAGA_UPDATED)) {
                snapshotsBySaga.computeIfAbsent(((SagaUpdated) message.payload()).getSagaId(), id -> new ArrayList<>())
                        .add(message);
            }
        }
        CURRENT.set(NOTHING); // nothing counts as written until every statement ran
        Set<UUID> timeline = insertTimeline(c, messages);
        touch(c, touched);
        List<SagaProjector.Snapshot> snapshots = new ArrayList<>();
        Set<UUID> sagas = new HashSet<>();
        for (List<IncomingMessage> ofSaga : snapshotsBySaga.values()) {
            if (ofSaga.size() == 1) {
                IncomingMessage message = ofSaga.get(0);
                snapshots.add(new SagaProjector.Snapshot((SagaUpdated) message.payload(), message.envelope().occurredAt()));
                sagas.add(message.envelope().messageId());
            }
        }
        SagaProjector.updatedAll(c, snapshots);
        CURRENT.set(new Written(c, timeline, touched, sagas));
    }

    static boolean sagaWritten(Connection c, UUID messageId) {
        return CURRENT.get().in(c).sagas().contains(messageId);
    }

    static boolean timelineWritten(Connection c, UUID messageId) {
        return CURRENT.get().in(c).timeline().contains(messageId);
    }

    /** True if this poll's touch of the order already moved it to {@code at} or later, in this transaction. */
    static boolean touched(Connection c, String orderId, Instant at) {
        Instant touchedAt = CURRENT.get().in(c).touched().get(orderId);
        return touchedAt != null && !touchedAt.isBefore(at);
    }

    static Set<UUID> insertTimeline(Connection c, List<IncomingMessage> events) throws SQLException {
        if (events.isEmpty()) {
            return Set.of();
        }
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] orders = new String[n];
        String[] types = new String[n];
        Timestamp[] times = new Timestamp[n];
        UUID[] causes = new UUID[n];
        String[] producers = new String[n];
        String[] sagas = new String[n];
        for (int i = 0; i < n; i++) {
            IncomingMessage message = events.get(i);
            Envelope envelope = message.envelope();
            ids[i] = envelope.messageId();
            orders[i] = OrderTimeline.orderIdOf(message.payload(), envelope);
            types[i] = envelope.type();
            times[i] = Timestamp.from(envelope.occurredAt());
            causes[i] = envelope.causationId();
            producers[i] = envelope.producer();
            sagas[i] = envelope.sagaId();
        }
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO order_event (message_id, order_id, type, occurred_at, causation_id, producer, saga_id)
                SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::timestamptz[], ?::uuid[], ?::text[], ?::text[])
                ON CONFLICT (message_id) DO NOTHING""")) {
            insert.setArray(1, c.createArrayOf("uuid", ids));
            insert.setArray(2, c.createArrayOf("text", orders));
            insert.setArray(3, c.createArrayOf("text", types));
            insert.setArray(4, c.createArrayOf("timestamptz", times));
            insert.setArray(5, c.createArrayOf("uuid", causes));
            insert.setArray(6, c.createArrayOf("text", producers));
            insert.setArray(7, c.createArrayOf("text", sagas));
            insert.executeUpdate();
        }
        return new HashSet<>(List.of(ids));
    }

    static void touch(Connection c, Map<String, Instant> touched) throws SQLException {
        if (touched.isEmpty()) {
            return;
        }
        String[] orders = touched.keySet().toArray(String[]::new);
        Timestamp[] times = touched.values().stream().map(Timestamp::from).toArray(Timestamp[]::new);
        try (PreparedStatement upsert = c.prepareStatement("""
                INSERT INTO order_view (order_id, updated_at) SELECT * FROM unnest(?::text[], ?::timestamptz[])
                ON CONFLICT (order_id) DO UPDATE SET updated_at = GREATEST(order_view.updated_at, excluded.updated_at)""")) {
            upsert.setArray(1, c.createArrayOf("text", orders));
            upsert.setArray(2, c.createArrayOf("timestamptz", times));
            upsert.executeUpdate();
        }
    }
}
