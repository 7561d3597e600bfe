package dev.oms.projections.api;

import java.util.List;
import java.util.Optional;

/** Reads the order view; eventually consistent with the services that own the order's state. */
public interface OrderQueries {

    /** The order, or empty when no {@code OrderPlaced} for it has been projected yet. */
    Optional<OrderView> order(String orderId);

    /**
     * Placed orders newest first, up to {@code first} after the {@code after} cursor.
     *
     * @throws IllegalArgumentException when {@code first} is outside 0..{@link Page#MAX_SIZE}
     * @throws InvalidCursorException when {@code after} is not a cursor this API handed out
     */
    Page<OrderView> orders(OrderFilter filter, int first, String after);

    /** The order's timeline: every event of the order in the order they occurred; empty for an order never seen. */
    List<OrderEventView> events(String orderId);

    /**
     * The order's audit trail: every message of the order, commands and events, with its payload, each after the
     * message that caused it and otherwise in the order they occurred; empty for an order never seen. Read from the
     * audit log, which must share the projections' database.
     */
    List<OrderEventView> auditTrail(String orderId);

    /** The order's status now, as an update would tell it; empty while the order is not visible. */
    Optional<OrderUpdate> currentStatus(String orderId);
}
