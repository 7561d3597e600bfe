package dev.oms.projections;

import static dev.oms.projections.Events.placed;
import static dev.oms.projections.Events.status;
import static dev.oms.projections.ProjectionsFixture.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oms.contracts.payment.v1.PaymentAuthorized;
import dev.oms.messaging.IncomingMessage;
import dev.oms.projections.api.OrderEventView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderTimelineIT {
    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    private ProjectionsFixture projections;

    @BeforeEach
    void freshDatabase() {
        projections = new ProjectionsFixture();
    }

    @AfterEach
    void close() {
        projections.close();
    }

    @Test
    void recordsEveryEventOfAnOrderWithWhoEmittedItAndWhy() {
        IncomingMessage placedMessage = message("order-1", placed("order-1", "alice"), T0, "order", null);
        IncomingMessage paid = message("order-1",
                PaymentAuthorized.newBuilder().setOrderId("order-1").setPaymentId("pay-1").build(), T0.plusSeconds(1),
                "payment", placedMessage.envelope().messageId());
        IncomingMessage confirmed = message("order-1", status("order-1", "PENDING", "CONFIRMED"), T0.plusSeconds(2),
                "order", paid.envelope().messageId());
        projections.apply(List.of(confirmed, placedMessage, paid));

        List<OrderEventView> events = projections.service.orders().events("order-1");

        assertThat(events).extracting(OrderEventView::type).containsExactly("oms.order.v1.OrderPlaced",
                "oms.payment.v1.PaymentAuthorized", "oms.order.v1.OrderStatusChanged");
        assertThat(events).extracting(OrderEventView::producer).containsExactly("order", "payment", "order");
        assertThat(events.get(0).causationId()).isNull();
        assertThat(events.get(1).causationId()).isEqualTo(placedMessage.envelope().messageId().toString());
        assertThat(events.get(2).messageId()).isEqualTo(confirmed.envelope().messageId().toString());
        assertThat(events.get(2).occurredAt()).isEqualTo(T0.plusSeconds(2));
    }

    @Test
    void recordsARedeliveredEventOnce() {
        IncomingMessage placedMessage = message("order-1", placed("order-1", "alice"), T0);

        projections.apply(List.of(placedMessage, placedMessage));

        assertThat(projections.service.orders().events("order-1")).hasSize(1);
    }

    @Test
    void leavesEventsOfNoOrderOutOfAnyTimeline() {
        projections.apply("SKU-1", Events.stock("SKU-1", "berlin", 10, 0), Events.listed("SKU-1", "Anvil", 100));

        assertThat(projections.service.orders().events("SKU-1")).isEmpty();
    }
}
