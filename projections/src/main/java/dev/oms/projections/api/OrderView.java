package dev.oms.projections.api;

import java.time.Instant;
import java.util.List;

/**
 * An order as its customer sees it, put together from the events of every service that took part.
 *
 * @param payment null until the payment service has reported on the order
 * @param saga the order's most recently updated saga, or null before one reported
 */
public record OrderView(
        String id,
        String customerId,
        String status,
        Money total,
        List<OrderLineView> lines,
        PaymentView payment,
        List<ShipmentView> shipments,
        List<NotificationView> notifications,
        SagaView saga,
        Instant placedAt,
        Instant updatedAt) {

    public OrderView {
        lines = List.copyOf(lines);
        shipments = List.copyOf(shipments);
        notifications = List.copyOf(notifications);
    }
}
