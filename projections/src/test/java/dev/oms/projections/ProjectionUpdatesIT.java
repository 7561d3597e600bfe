package dev.oms.projections;

import static dev.oms.projections.Events.placed;
import static dev.oms.projections.Events.saga;
import static dev.oms.projections.Events.status;
import static dev.oms.projections.ProjectionsFixture.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oms.projections.api.OrderUpdate;
import dev.oms.projections.api.ProjectionUpdates.Registration;
import dev.oms.projections.api.SagaView;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fixture applies each event in its own committed transaction, so every update is told before apply returns. */
class ProjectionUpdatesIT {
    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    private ProjectionsFixture projections;
    private final List<OrderUpdate> orderUpdates = new CopyOnWriteArrayList<>();
    private final List<SagaView> sagaUpdates = new CopyOnWriteArrayList<>();

    @BeforeEach
    void listen() {
        projections = new ProjectionsFixture();
        projections.service.updates().onOrderUpdate(orderUpdates::add);
        projections.service.updates().onSagaUpdate(sagaUpdates::add);
    }

    @AfterEach
    void close() {
        projections.close();
    }

    @Test
    void tellsEachStatusOfAnOrderWithItsOwner() {
        projections.apply(List.of(message("order-1", placed("order-1", "alice"), T0),
                message("order-1", status("order-1", "PENDING", "CONFIRMED"), T0.plusSeconds(1)),
                message("order-1", status("order-1", "CONFIRMED", "FULFILLING"), T0.plusSeconds(2))));

        assertThat(orderUpdates).containsExactly(new OrderUpdate("order-1", "alice", "PENDING", T0, T0),
                new OrderUpdate("order-1", "alice", "CONFIRMED", T0.plusSeconds(1), T0),
                new OrderUpdate("order-1", "alice", "FULFILLING", T0.plusSeconds(2), T0));
    }

    @Test
    void tellsNothingOfAnOrderBeforeItsPlacementThenItsStatusAtOnce() {
        projections.apply(List.of(message("order-1", status("order-1", "PENDING", "CONFIRMED"), T0.plusSeconds(1))));
        assertThat(orderUpdates).isEmpty();

        projections.apply(List.of(message("order-1", placed("order-1", "alice"), T0)));

        assertThat(orderUpdates).containsExactly(new OrderUpdate("order-1", "alice", "CONFIRMED", T0.plusSeconds(1), T0));
    }

    @Test
    void tellsNothingForAStatusThatALaterOneAlreadyReplaced() {
        projections.apply(List.of(message("order-1", placed("order-1", "alice"), T0),
                message("order-1", status("order-1", "CONFIRMED", "FULFILLING"), T0.plusSeconds(2))));
        orderUpdates.clear();

        projections.apply(List.of(message("order-1", status("order-1", "PENDING", "CONFIRMED"), T0.plusSeconds(1))));

        assertThat(orderUpdates).isEmpty();
    }

    @Test
    void tellsEachNewerSagaSnapshotAndNoOlderOne() {
        projections.apply(List.of(message("order-1", saga("order-1", "saga-1", 1, "RUNNING", 0), T0.plusSeconds(1)),
                message("order-1", saga("order-1", "saga-1", 2, "RUNNING", 1), T0.plusSeconds(2)),
                message("order-1", saga("order-1", "saga-1", 1, "RUNNING", 0), T0.plusSeconds(1))));

        assertThat(sagaUpdates).extracting(SagaView::updatedAt).containsExactly(T0.plusSeconds(1), T0.plusSeconds(2));
        assertThat(sagaUpdates.get(1).steps().get(0).status()).isEqualTo("SUCCEEDED");
    }

    @Test
    void stopsTellingAListenerThatClosedItsRegistration() {
        List<OrderUpdate> heard = new CopyOnWriteArrayList<>();
        Registration registration = projections.service.updates().onOrderUpdate(heard::add);
        projections.apply(List.of(message("order-1", placed("order-1", "alice"), T0)));

        registration.close();
        projections.apply(List.of(message("order-1", status("order-1", "PENDING", "CONFIRMED"), T0.plusSeconds(1))));

        assertThat(heard).extracting(OrderUpdate::status).containsExactly("PENDING");
    }
}
