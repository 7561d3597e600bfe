package dev.oms.projections;

import static dev.oms.projections.Events.placed;
import static dev.oms.projections.Events.saga;
import static dev.oms.projections.ProjectionsFixture.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oms.contracts.order.v1.SagaStep;
import dev.oms.contracts.order.v1.SagaUpdated;
import dev.oms.projections.api.Page;
import dev.oms.projections.api.SagaFilter;
import dev.oms.projections.api.SagaStepView;
import dev.oms.projections.api.SagaView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SagaViewIT {
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

    private void snapshot(SagaUpdated saga, int second) {
        projections.apply(List.of(message(saga.getOrderId(), saga, T0.plusSeconds(second))));
    }

    @Test
    void timesEachStepByTheSnapshotsThatStartedAndEndedIt() {
        snapshot(saga("order-1", "saga-1", 1, "RUNNING", 0), 1);
        snapshot(saga("order-1", "saga-1", 2, "RUNNING", 1), 3);
        snapshot(saga("order-1", "saga-1", 3, "RUNNING", 2), 6);

        SagaView view = projections.service.sagas().saga("saga-1").orElseThrow();

        assertThat(view.orderId()).isEqualTo("order-1");
        assertThat(view.startedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(view.updatedAt()).isEqualTo(T0.plusSeconds(6));
        assertThat(view.steps()).extracting(SagaStepView::startedAt)
                .containsExactly(T0.plusSeconds(1), T0.plusSeconds(3), T0.plusSeconds(6), null, null, null);
        assertThat(view.steps()).extracting(SagaStepView::endedAt)
                .containsExactly(T0.plusSeconds(3), T0.plusSeconds(6), null, null, null, null);
    }

    @Test
    void endsAStepAgainWhenItIsCompensatedAndKeepsItsStart() {
        snapshot(saga("order-1", "saga-1", 1, "RUNNING", 0), 1);
        snapshot(saga("order-1", "saga-1", 2, "RUNNING", 1), 2);
        snapshot(withStep(saga("order-1", "saga-1", 3, "COMPENSATING", 1), 0, "COMPENSATING", ""), 4);
        SagaStepView compensating = projections.service.sagas().saga("saga-1").orElseThrow().steps().get(0);
        snapshot(withStep(saga("order-1", "saga-1", 4, "COMPENSATED", 1), 0, "COMPENSATED", ""), 7);

        SagaStepView compensated = projections.service.sagas().saga("saga-1").orElseThrow().steps().get(0);

        assertThat(compensating.endedAt()).isNull();
        assertThat(compensated.status()).isEqualTo("COMPENSATED");
        assertThat(compensated.startedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(compensated.endedAt()).isEqualTo(T0.plusSeconds(7));
    }

    @Test
    void listsSagasNewestFirstByStatusAndIdleTime() {
        for (int i = 1; i <= 4; i++) {
            String order = "order-" + i;
            projections.apply(List.of(message(order, placed(order, "alice"), T0.plusSeconds(i))));
            snapshot(saga(order, "saga-" + i, 1, "RUNNING", 0), 10 * i);
        }
        snapshot(saga("order-2", "saga-2", 7, "COMPLETED", 6), 100);

        Page<SagaView> running = projections.service.sagas().sagas(new SagaFilter("RUNNING", null), 10, null);
        Page<SagaView> stuck = projections.service.sagas()
                .sagas(new SagaFilter("RUNNING", T0.plusSeconds(35)), 10, null);

        assertThat(running.edges()).extracting(e -> e.node().id()).containsExactly("saga-4", "saga-3", "saga-1");
        assertThat(running.totalCount()).isEqualTo(3);
        assertThat(stuck.edges()).extracting(e -> e.node().id()).containsExactly("saga-3", "saga-1");
        assertThat(stuck.edges().get(0).node().steps()).hasSize(6);
    }

    @Test
    void pagesThroughAllSagasWithCursors() {
        for (int i = 1; i <= 5; i++) {
            snapshot(saga("order-" + i, "saga-" + i, 1, "RUNNING", 0), i);
        }
        List<String> ids = new ArrayList<>();
        String after = null;
        Page<SagaView> page;
        do {
            page = projections.service.sagas().sagas(SagaFilter.all(), 2, after);
            page.edges().forEach(edge -> ids.add(edge.node().id()));
            after = page.endCursor();
        } while (page.hasNextPage());

        assertThat(ids).containsExactly("saga-5", "saga-4", "saga-3", "saga-2", "saga-1");
    }

    @Test
    void knowsNothingOfAnUnknownSaga() {
        assertThat(projections.service.sagas().saga("no-such-saga")).isEmpty();
    }

    private static SagaUpdated withStep(SagaUpdated saga, int index, String status, String error) {
        SagaStep step = saga.getSteps(index).toBuilder().setStatus(status).setError(error).build();
        return saga.toBuilder().setSteps(index, step).build();
    }
}
