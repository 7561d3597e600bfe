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
                .on(PaymentRefunded.getDefaultInstance(),
                        (event, envelope, c) -> status(c, event.getOrderId(), "REFUNDED", envelope));
    }

    static void foldTo(FoldRoutes routes) {
        routes.on(PaymentAuthorized.getDefaultInstance(), (event, envelope, order) -> status(order, "AUTHORIZED", envelope))
                .on(PaymentDeclined.getDefaultInstance(), (event, envelope, order) -> status(order, "DECLINED", envelope))
                .on(PaymentCaptured.getDefaultInstance(), (event, envelope, order) -> status(order, "CAPTURED", envelope))
                .on(AuthorizationVoided.getDefaultInstance(),
                        (event, envelope, order) -> status(order, "VOIDED", envelope))
                .on(PaymentRefunded.getDefaultInstance(),
                        (event, envelope, order) -> status(order, "REFUNDED", envelope));
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
