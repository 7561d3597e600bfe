package dev.oms.projections;

import static dev.oms.projections.Events.notified;
import static dev.oms.projections.ProjectionsFixture.message;
import static dev.oms.projections.Events.placed;
import static dev.oms.projections.Events.saga;
import static dev.oms.projections.Events.shipment;
import static dev.oms.projections.Events.shipmentStatus;
import static dev.oms.projections.Events.shipmentsCreated;
import static dev.oms.projections.Events.shipmentsRevised;
import static dev.oms.projections.Events.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.oms.contracts.fulfillment.v1.ShipmentCancelled;
import dev.oms.contracts.payment.v1.PaymentAuthorized;
import dev.oms.contracts.payment.v1.PaymentCaptured;
import dev.oms.contracts.payment.v1.PaymentDeclined;
import dev.oms.messaging.IncomingMessage;
import dev.oms.projections.api.Money;
import dev.oms.projections.api.NotificationView;
import dev.oms.projections.api.OrderLineView;
import dev.oms.projections.api.OrderView;
import dev.oms.projections.api.PaymentView;
import dev.oms.projections.api.SagaStepView;
import dev.oms.projections.api.ShipmentView;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProjectionsIT {
    private static final String ORDER = "order-1";
    private static final String SAGA = "saga-1";

    private ProjectionsFixture projections;

    @BeforeEach
    void freshDatabase() {
        projections = new ProjectionsFixture();
    }

    @AfterEach
    void close() {
        projections.close();
    }

    /** Placed, confirmed, paid, shipped in two parcels one of which left, customer told, saga done. */
    private static List<IncomingMessage> wholeLife() {
        return ProjectionsFixture.messages(ORDER,
                placed(ORDER, "customer-7"),
                saga(ORDER, SAGA, 1, "RUNNING", 0),
                PaymentAuthorized.newBuilder().setOrderId(ORDER).setPaymentId("pay-1").setAmount(Events.eur(2_550)).build(),
                status(ORDER, "PENDING", "CONFIRMED"),
                saga(ORDER, SAGA, 4, "RUNNING", 3),
                shipmentsCreated(ORDER, shipment("ship-1", "berlin", "CREATED"), shipment("ship-2", "lyon", "CREATED")),
                status(ORDER, "CONFIRMED", "FULFILLING"),
                PaymentCaptured.newBuilder().setOrderId(ORDER).setPaymentId("pay-1").setAmount(Events.eur(2_550)).build(),
                shipmentStatus(ORDER, shipment("ship-1", "berlin", "SHIPPED")),
                notified(ORDER, "note-1", "order-confirmed"),
                saga(ORDER, SAGA, 7, "COMPLETED", 6));
    }

    @Test
    void showsAnOrderThroughItsWholeLife() {
        List<IncomingMessage> life = wholeLife();
        projections.apply(life);

        OrderView order = projections.service.orders().order(ORDER).orElseThrow();

        assertThat(order.customerId()).isEqualTo("customer-7");
        assertThat(order.status()).isEqualTo("FULFILLING");
        assertThat(order.total()).isEqualTo(new Money(2_550, "EUR"));
        assertThat(order.lines()).containsExactly(new OrderLineView("SKU-1", 2, new Money(1_000, "EUR")),
                new OrderLineView("SKU-2", 1, new Money(550, "EUR")));
        assertThat(order.payment()).isEqualTo(new PaymentView("CAPTURED"));
        assertThat(order.shipments()).containsExactly(new ShipmentView("ship-1", "berlin", "SHIPPED"),
                new ShipmentView("ship-2", "lyon", "CREATED"));
        assertThat(order.notifications())
                .containsExactly(new NotificationView("note-1", "EMAIL", "order-confirmed", "ada@example.com"));
        assertThat(order.saga().id()).isEqualTo(SAGA);
        assertThat(order.saga().type()).isEqualTo(Events.SAGA_TYPE);
        assertThat(order.saga().status()).isEqualTo("COMPLETED");
        assertThat(order.saga().steps()).hasSize(6).allSatisfy(step -> assertThat(step.status()).isEqualTo("SUCCEEDED"));
        assertThat(order.saga().steps().get(3))
                .extracting(SagaStepView::name, SagaStepView::kind, SagaStepView::status, SagaStepView::attempts,
                        SagaStepView::error)
                .containsExactly("create-shipment", "PIVOT", "SUCCEEDED", 1, null);
        assertThat(order.saga().steps().get(3).startedAt()).isBefore(order.saga().steps().get(3).endedAt());
        // Postgres keeps microseconds.
        assertThat(order.placedAt()).isCloseTo(life.get(0).envelope().occurredAt(), within(1, ChronoUnit.MICROS));
        assertThat(order.updatedAt())
                .isCloseTo(life.get(life.size() - 1).envelope().occurredAt(), within(1, ChronoUnit.MICROS));
    }

    @Test
    void applyingTheSameEventsAgainChangesNothing() {
        List<IncomingMessage> life = wholeLife();
        projections.apply(life);
        OrderView once = projections.service.orders().order(ORDER).orElseThrow();

        projections.apply(life);
        assertThat(projections.service.orders().order(ORDER)).contains(once);

        for (IncomingMessage message : life) {
            projections.apply(List.of(message, message));
        }
        assertThat(projections.service.orders().order(ORDER)).contains(once);
    }

    @Test
    void keepsTheNewerSagaSnapshotWhenAnOlderOneArrivesLate() {
        projections.apply(ORDER, placed(ORDER, "customer-7"), saga(ORDER, SAGA, 5, "COMPENSATING", 2),
                saga(ORDER, SAGA, 3, "RUNNING", 1));

        OrderView order = projections.service.orders().order(ORDER).orElseThrow();

        assertThat(order.saga().status()).isEqualTo("COMPENSATING");
        assertThat(order.saga().steps().get(2).status()).isEqualTo("RUNNING");
    }

    @Test
    void showsAPaymentThatOvertookItsOrderOnceTheOrderIsPlaced() {
        projections.apply(ORDER, PaymentDeclined.newBuilder().setOrderId(ORDER).setCode("card_declined").build());
        assertThat(projections.service.orders().order(ORDER)).isEmpty();

        projections.apply(ORDER, placed(ORDER, "customer-7"), status(ORDER, "PENDING", "REJECTED"));

        OrderView order = projections.service.orders().order(ORDER).orElseThrow();
        assertThat(order.status()).isEqualTo("REJECTED");
        assertThat(order.payment()).isEqualTo(new PaymentView("DECLINED"));
        assertThat(order.saga()).isNull();
        assertThat(order.shipments()).isEmpty();
    }

    @Test
    void cancelsEveryShipmentOfAnOrder() {
        projections.apply(ORDER, placed(ORDER, "customer-7"),
                shipmentsCreated(ORDER, shipment("ship-1", "berlin", "CREATED"), shipment("ship-2", "lyon", "PICKED")),
                ShipmentCancelled.newBuilder().setOrderId(ORDER).build());

        assertThat(projections.service.orders().order(ORDER).orElseThrow().shipments())
                .extracting(ShipmentView::status).containsExactly("CANCELLED", "CANCELLED");
    }

    /**
     * The warehouse picked the parcel in a transaction that began after the cancellation's but committed first: the
     * PICKED event carries the later time and arrives first. The shipment is still cancelled, and stays so.
     */
    @Test
    void aCancellationThatStartedBeforeThePickStillCancelsTheShipment() {
        Instant created = Instant.parse("2026-12-05T16:00:00Z");
        projections.apply(List.of(message(ORDER, placed(ORDER, "customer-7"), created),
                message(ORDER, shipmentsCreated(ORDER, shipment("ship-1", "berlin", "CREATED")), created),
                message(ORDER, shipmentStatus(ORDER, shipment("ship-1", "berlin", "PICKED")), created.plusMillis(20)),
                message(ORDER, ShipmentCancelled.newBuilder().setOrderId(ORDER).build(), created.plusMillis(10)),
                message(ORDER, shipmentStatus(ORDER, shipment("ship-1", "berlin", "PACKED")), created.plusMillis(30))));

        assertThat(projections.service.orders().order(ORDER).orElseThrow().shipments())
                .extracting(ShipmentView::status).containsExactly("CANCELLED");
    }

    /**
     * An order edit adds a shipment in a new warehouse and empties another. The status it lists for a shipment it did
     * not cancel is older than the PACKED that arrived first, and moves nothing back.
     */
    @Test
    void showsTheNewShipmentsOfAnEditAndTheOnesItCancelled() {
        Instant created = Instant.parse("2026-12-05T16:00:00Z");
        List<IncomingMessage> life = List.of(message(ORDER, placed(ORDER, "customer-7"), created),
                message(ORDER, shipmentsCreated(ORDER, shipment("ship-1", "berlin", "CREATED"),
                        shipment("ship-2", "lyon", "CREATED")), created),
                message(ORDER, shipmentStatus(ORDER, shipment("ship-1", "berlin", "PACKED")), created.plusMillis(30)),
                message(ORDER, shipmentsRevised(ORDER, "edit-1", shipment("ship-1", "berlin", "PICKED"),
                        shipment("ship-2", "lyon", "CANCELLED"), shipment("ship-3", "paris", "CREATED")),
                        created.plusMillis(20)));
        projections.apply(life);

        OrderView order = projections.service.orders().order(ORDER).orElseThrow();
        assertThat(order.shipments()).containsExactly(new ShipmentView("ship-1", "berlin", "PACKED"),
                new ShipmentView("ship-2", "lyon", "CANCELLED"), new ShipmentView("ship-3", "paris", "CREATED"));

        projections.apply(life);
        assertThat(projections.service.orders().order(ORDER)).contains(order);
    }

    /** A hold shows with its reason until released; a redelivered older hold does not undo the release. */
    @Test
    void showsHoldsUntilReleased() {
        Instant created = Instant.parse("2026-12-05T16:00:00Z");
        IncomingMessage held = message(ORDER, Events.hold(ORDER, "ship-1", "address check"), created.plusMillis(10));
        projections.apply(List.of(message(ORDER, placed(ORDER, "customer-7"), created),
                message(ORDER, shipmentsCreated(ORDER, shipment("ship-1", "berlin", "CREATED")), created), held));
        assertThat(projections.service.orders().order(ORDER).orElseThrow().shipments())
                .containsExactly(new ShipmentView("ship-1", "berlin", "CREATED", "address check"));

        projections.apply(List.of(message(ORDER, Events.hold(ORDER, "ship-1", null), created.plusMillis(20)), held));
        ShipmentView released = projections.service.orders().order(ORDER).orElseThrow().shipments().get(0);
        assertThat(released.held()).isFalse();
        assertThat(released.holdReason()).isNull();
    }

    /** The edit's ShipmentStatusChanged for the shipment it emptied, later than the edit, cancels it just the same. */
    @Test
    void aShipmentAnEditCancelledStaysCancelled() {
        Instant created = Instant.parse("2026-12-05T16:00:00Z");
        projections.apply(List.of(message(ORDER, placed(ORDER, "customer-7"), created),
                message(ORDER, shipmentsCreated(ORDER, shipment("ship-1", "berlin", "CREATED")), created),
                message(ORDER, shipmentStatus(ORDER, shipment("ship-1", "berlin", "PICKED")), created.plusMillis(20)),
                message(ORDER, shipmentsRevised(ORDER, "edit-1", shipment("ship-1", "berlin", "CANCELLED"),
                        shipment("ship-2", "lyon", "CREATED")), created.plusMillis(10)),
                message(ORDER, shipmentStatus(ORDER, shipment("ship-1", "berlin", "CANCELLED")),
                        created.plusMillis(10)),
                message(ORDER, shipmentStatus(ORDER, shipment("ship-2", "lyon", "PICKED")), created.plusMillis(40))));

        assertThat(projections.service.orders().order(ORDER).orElseThrow().shipments()).containsExactly(
                new ShipmentView("ship-1", "berlin", "CANCELLED"), new ShipmentView("ship-2", "lyon", "PICKED"));
    }

    @Test
    void knowsNothingOfAnUnknownOrder() {
        assertThat(projections.service.orders().order("no-such-order")).isEmpty();
    }
}
