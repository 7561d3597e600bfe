package dev.oms.bff.order;

import dev.oms.projections.api.OrderEventView;
import java.util.List;
import java.util.Set;

/**
 * What a customer sees of an order's history: the events that tell them about their order (checkout, placement,
 * status changes, payment, shipments, notifications), with their type and time only. Internal steps (the saga, stock
 * reservations, commands between services) and internal fields (cause, producer, saga, payload) are left out.
 */
final class CustomerTimeline {
    static final Set<String> TYPES = Set.of(
            "oms.cart.v1.CheckoutCompleted",
            "oms.order.v1.OrderPlaced",
            "oms.order.v1.OrderStatusChanged",
            "oms.order.v1.ReturnStatusChanged",
            "oms.payment.v1.PaymentAuthorized",
            "oms.payment.v1.PaymentDeclined",
            "oms.payment.v1.PaymentCaptured",
            "oms.payment.v1.AuthorizationVoided",
            "oms.payment.v1.PaymentRefunded",
            "oms.fulfillment.v1.ShipmentCreated",
            "oms.fulfillment.v1.ShipmentStatusChanged",
            "oms.fulfillment.v1.ShipmentCancelled",
            "oms.notification.v1.NotificationSent");

    private CustomerTimeline() {}

    static List<OrderEventView> of(List<OrderEventView> timeline) {
        return timeline.stream()
                .filter(event -> TYPES.contains(event.type()))
                .map(event -> new OrderEventView(event.messageId(), event.type(), event.occurredAt(), null, null, null,
                        null))
                .toList();
    }
}
