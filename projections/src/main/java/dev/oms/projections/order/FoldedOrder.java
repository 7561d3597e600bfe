package dev.oms.projections.order;

import dev.oms.contracts.common.v1.OrderLine;
import dev.oms.projections.internal.RowFold.RowSink;
import dev.oms.projections.internal.RowFold.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One order's rows in the order view's tables, held in memory while a rebuild folds the order's events. The
 * projectors' in-memory twins write these fields as their SQL writes the columns of the same name.
 */
final class FoldedOrder {
    static final Table EVENTS = new Table("order_event",
            List.of("message_id", "order_id", "type", "occurred_at", "causation_id", "producer", "saga_id"));
    static final Table ORDER_VIEW = new Table("order_view", List.of("order_id", "customer_id", "status", "status_at",
            "total_amount", "total_currency", "payment_status", "payment_status_at", "placed_at", "updated_at",
            "confirmed_at", "rejected_at", "delivered_at"));
    static final Table LINES = new Table("order_line_view",
            List.of("order_id", "position", "sku", "quantity", "unit_amount", "unit_currency"));
    static final Table SAGAS = new Table("order_saga_view",
            List.of("saga_id", "order_id", "saga_type", "status", "version", "started_at", "updated_at"));
    static final Table STEPS = new Table("order_saga_step_view",
            List.of("saga_id", "position", "name", "kind", "status", "attempts", "error", "started_at", "ended_at"));
    static final Table SHIPMENTS = new Table("order_shipment_view",
            List.of("shipment_id", "order_id", "position", "warehouse", "status", "created_at", "status_at",
                    "hold_reason", "hold_at"));
    static final Table NOTIFICATIONS = new Table("order_notification_view",
            List.of("notification_id", "order_id", "channel", "template", "recipient", "sent_at"));
    static final List<Table> TABLES = List.of(EVENTS, ORDER_VIEW, LINES, SAGAS, STEPS, SHIPMENTS, NOTIFICATIONS);

    final String orderId;
    /** Whether the order_view row exists: every event but a timeline-only one creates it. */
    boolean exists;
    String customerId;
    String status;
    Instant statusAt;
    Long totalAmount;
    String totalCurrency;
    String paymentStatus;
    Instant paymentStatusAt;
    Instant placedAt;
    Instant updatedAt;
    /** confirmed_at, rejected_at, delivered_at: when the order first reached each milestone. */
    final Map<String, Instant> milestones = new HashMap<>();
    List<OrderLine> lines = List.of();
    final Map<String, Saga> sagas = new LinkedHashMap<>();
    final Map<String, Shipment> shipments = new LinkedHashMap<>();
    /** Rows inserted once and never changed, by their key: notifications and timeline events. */
    final Map<String, Object[]> notifications = new LinkedHashMap<>();
    final Map<UUID, Object[]> events = new LinkedHashMap<>();

    static final class Saga {
        String type;
        String status;
        long version;
        Instant startedAt;
        Instant updatedAt;
        final TreeMap<Integer, Step> steps = new TreeMap<>();
    }

    static final class Step {
        String name;
        String kind;
        String status;
        int attempts;
        String error;
        Instant startedAt;
        Instant endedAt;
    }

    static final class Shipment {
        int position;
        String warehouse;
        String status;
        Instant createdAt;
        Instant statusAt;
        String holdReason;
        Instant holdAt;
    }

    FoldedOrder(String orderId) {
        this.orderId = orderId;
    }

    /** {@link OrderRows#touch} in memory: creates the row, or moves updated_at forward. */
    void touch(Instant at) {
        updatedAt = exists ? later(updatedAt, at) : at;
        exists = true;
    }

    static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** LEAST(COALESCE(current, at), at): the earlier of the two, or {@code at} when nothing is set yet. */
    static Instant earlier(Instant current, Instant at) {
        return current == null || at.isBefore(current) ? at : current;
    }

    void writeTo(RowSink sink) {
        events.values().forEach(row -> sink.row(EVENTS, row));
        if (exists) {
            sink.row(ORDER_VIEW, orderId, customerId, status, statusAt, totalAmount, totalCurrency, paymentStatus,
                    paymentStatusAt, placedAt, updatedAt, milestones.get("confirmed_at"),
                    milestones.get("rejected_at"), milestones.get("delivered_at"));
        }
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            sink.row(LINES, orderId, i, line.getSku(), line.getQuantity(), line.getUnitPrice().getAmount(),
                    line.getUnitPrice().getCurrency());
        }
        sagas.forEach((id, saga) -> {
            sink.row(SAGAS, id, orderId, saga.type, saga.status, saga.version, saga.startedAt, saga.updatedAt);
            saga.steps.forEach((position, step) -> sink.row(STEPS, id, position, step.name, step.kind, step.status,
                    step.attempts, step.error, step.startedAt, step.endedAt));
        });
        shipments.forEach((id, s) -> sink.row(SHIPMENTS, id, orderId, s.position, s.warehouse, s.status, s.createdAt,
                s.statusAt, s.holdReason, s.holdAt));
        notifications.values().forEach(row -> sink.row(NOTIFICATIONS, row));
    }
}
