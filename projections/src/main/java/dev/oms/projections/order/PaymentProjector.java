package dev.oms.projections.order;

import dev.oms.contracts.Envelope;
import dev.oms.contracts.payment.v1.AuthorizationVoided;
import dev.oms.contracts.payment.v1.PaymentAuthorized;
import dev.oms.contracts.payment.v1.PaymentCaptured;
import dev.oms.contracts.payment.v1.PaymentDeclined;
import dev.oms.contracts.payment.v1.PaymentRefunded;
import dev.oms.projections.internal.EventRoutes;
import dev.oms.projections.internal.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/** The payment status of an order, from the payment service's events; in SQL, and in memory for a rebuild. */
final class PaymentProjector {
    private static final String REFUNDED = "REFUNDED";
    private static final String PARTIALLY_REFUNDED = "PARTIALLY_REFUNDED";

    private PaymentProjector() {}

    static void routeTo(EventRoutes routes) {
        routes.on(PaymentAuthorized.getDefaultInstance(),
                        (event, envelope, c) -> status(c, event.getOrderId(), "AUTHORIZED", envelope))
                .on(PaymentDeclined.getDefaultInstance(),
                        (event, envelope, c) -> status(c, event.getOrderId(), "DECLINED", envelope))
                .on(PaymentCaptured.getDefaultInstance(),
                        (event, envelope, c) -> status(c, event.getOrderId(), "CAPTURED", envelope))
                .on(AuthorizationVoided.getDefaultInstance(),
                        (event, envelope, c) -> status(c, event.getOrderId(), "VOIDED", envelope))
                .on(PaymentRefunded.getDefaultInstance(), PaymentProjector::refunded);
    }

    static void foldTo(FoldRoutes routes) {
        routes.on(PaymentAuthorized.getDefaultInstance(), (event, envelope, order) -> status(order, "AUTHORIZED", envelope))
                .on(PaymentDeclined.getDefaultInstance(), (event, envelope, order) -> status(order, "DECLINED", envelope))
                .on(PaymentCaptured.getDefaultInstance(), (event, envelope, order) -> status(order, "CAPTURED", envelope))
                .on(AuthorizationVoided.getDefaultInstance(),
                        (event, envelope, order) -> status(order, "VOIDED", envelope))
                .on(PaymentRefunded.getDefaultInstance(), (event, envelope, order) -> status(order,
                        partly(event, order.totalAmount) ? PARTIALLY_REFUNDED : REFUNDED, envelope));
    }

    /**
     * A refund of part of the order (a return's lines) leaves the payment PARTIALLY_REFUNDED until the refunds add up
     * to the order's total; a full refund (a cancellation) has no operation id.
     */
    private static void refunded(PaymentRefunded event, Envelope envelope, Connection c) throws SQLException {
        OrderRows.touch(c, event.getOrderId(), envelope.occurredAt());
        Jdbc.update(c, """
                UPDATE order_view SET payment_status = CASE WHEN ? AND ? < coalesce(total_amount, 0) THEN ? ELSE ? END,
                                      payment_status_at = ?
                WHERE order_id = ? AND (payment_status_at IS NULL OR payment_status_at <= ?)""",
                !event.getOperationId().isEmpty(), event.getRefundedTotal().getAmount(), PARTIALLY_REFUNDED, REFUNDED,
                envelope.occurredAt(), event.getOrderId(), envelope.occurredAt());
    }

    private static boolean partly(PaymentRefunded event, Long total) {
        return !event.getOperationId().isEmpty() && event.getRefundedTotal().getAmount() < (total == null ? 0 : total);
    }

    /** An event older than the status shown (a redelivery) is ignored. */
    private static void status(Connection c, String orderId, String status, Envelope envelope) throws SQLException {
        OrderRows.touch(c, orderId, envelope.occurredAt());
        Jdbc.update(c, """
                UPDATE order_view SET payment_status = ?, payment_status_at = ?
                WHERE order_id = ? AND (payment_status_at IS NULL OR payment_status_at <= ?)""",
                status, envelope.occurredAt(), orderId, envelope.occurredAt());
    }

    private static void status(FoldedOrder order, String status, Envelope envelope) {
        Instant at = envelope.occurredAt();
        order.touch(at);
        if (order.paymentStatusAt == null || !order.paymentStatusAt.isAfter(at)) {
            order.paymentStatus = status;
            order.paymentStatusAt = at;
        }
    }
}
