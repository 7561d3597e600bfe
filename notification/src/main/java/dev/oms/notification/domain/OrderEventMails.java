package dev.oms.notification.domain;

import java.util.Optional;

/**
 * Which order events make an email and under which dedup key: one per order for a status (as the order service keys
 * its confirmation, {@code order_confirmed:<order>}), one per refund operation.
 */
public final class OrderEventMails {
    private OrderEventMails() {}

    public static Optional<MailKind> forStatus(String status) {
        return switch (status) {
            case "SHIPPED" -> Optional.of(MailKind.ORDER_SHIPPED);
            case "DELIVERED" -> Optional.of(MailKind.ORDER_DELIVERED);
            case "CANCELLED" -> Optional.of(MailKind.ORDER_CANCELLED);
            default -> Optional.empty();
        };
    }

    public static String statusKey(MailKind kind, String orderId) {
        return kind.template() + ":" + orderId;
    }

    /** A refund's key: its operation, or (from producers that give none) the payment and its refunded total so far. */
    public static String refundKey(String orderId, String operationId, String paymentId, long refundedTotal) {
        String refund = operationId == null || operationId.isBlank() ? paymentId + "@" + refundedTotal : operationId;
        return MailKind.ORDER_REFUNDED.template() + ":" + orderId + ":" + refund;
    }
}
