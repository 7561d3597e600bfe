package dev.oms.projections;

import static dev.oms.projections.Events.placed;
import static dev.oms.projections.Events.status;
import static dev.oms.projections.ProjectionsFixture.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.oms.projections.api.LocalProjectionUpdates;
import dev.oms.projections.api.OrderUpdate;
import dev.oms.projections.order.ProjectionListener;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A BFF in another process hears what the projections committed: it listens on their database and reads each change
 * back from the read tables, as the projections' own listeners are told it.
 */
class OtherProcessUpdatesIT {
    private static final Instant T0 = Instant.parse("2026-12-05T09:00:00Z");

    @Test
    void aListenerOnTheProjectionsDatabaseIsToldEachCommittedStatusOfAnOrder() throws Exception {
        List<OrderUpdate> heard = new CopyOnWriteArrayList<>();
        LocalProjectionUpdates elsewhere = new LocalProjectionUpdates();
        elsewhere.onOrderUpdate(heard::add);
        try (ProjectionsFixture projections = new ProjectionsFixture(true);
             ProjectionListener listener = ProjectionsService.listen(projections.dataSource, elsewhere)) {
            await().atMost(Duration.ofSeconds(10)).until(listener::isListening);

            projections.apply(List.of(message("order-1", placed("order-1", "alice"), T0),
                    message("order-1", status("order-1", "PENDING", "CONFIRMED"), T0.plusSeconds(1))));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(heard).containsExactly(
                    new OrderUpdate("order-1", "alice", "PENDING", T0, T0),
                    new OrderUpdate("order-1", "alice", "CONFIRMED", T0.plusSeconds(1), T0)));
        }
    }
}
