package dev.oms.bff;

import dev.oms.projections.api.BusinessMetrics;
import dev.oms.projections.api.Edge;
import dev.oms.projections.api.MetricsQueries;
import dev.oms.projections.api.Page;
import dev.oms.projections.api.SagaFilter;
import dev.oms.projections.api.SagaQueries;
import dev.oms.projections.api.SagaStepView;
import dev.oms.projections.api.SagaView;
import dev.oms.projections.api.StockLevelView;
import dev.oms.projections.api.StockQueries;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The operators' read side: a completed saga and a stuck one, the stock of SKU-1, fixed metrics. */
final class FakeOperationsQueries implements SagaQueries, StockQueries, MetricsQueries {
    static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    static final BusinessMetrics METRICS = new BusinessMetrics(10, 8, 2, 5, 0.8, 42.5, 90.25, 3, 4, 2);

    static final List<SagaView> SAGAS = List.of(
            new SagaView(FakeOrderService.STUCK_SAGA, "PlaceOrder", "RUNNING", List.of(
                    new SagaStepView("reserve-stock", "COMPENSATABLE", "SUCCEEDED", 1, null, T0, T0.plusSeconds(1)),
                    new SagaStepView("authorize-payment", "COMPENSATABLE", "RUNNING", 4, "provider timeout",
                            T0.plusSeconds(1), null)),
                    FakeOrderQueries.JUST_PLACED, T0, T0.plusSeconds(30)),
            new SagaView(FakeOrderService.COMPLETED_SAGA, "PlaceOrder", "COMPLETED", List.of(), FakeOrderQueries.SHIPPED,
                    T0.minusSeconds(600), T0.minusSeconds(500)));

    @Override
    public Page<SagaView> sagas(SagaFilter filter, int first, String after) {
        List<SagaView> matching = SAGAS.stream()
                .filter(s -> filter.status() == null || s.status().equals(filter.status()))
                .filter(s -> filter.updatedBefore() == null || s.updatedAt().isBefore(filter.updatedBefore()))
                .toList();
        int from = after == null ? 0 : matching.stream().map(SagaView::id).toList().indexOf(after) + 1;
        List<Edge<SagaView>> edges = matching.stream().skip(from).limit(first).map(s -> new Edge<>(s.id(), s)).toList();
        return Page.of(edges, from + first < matching.size(), matching.size());
    }

    @Override
    public Optional<SagaView> saga(String sagaId) {
        return SAGAS.stream().filter(s -> s.id().equals(sagaId)).findFirst();
    }

    @Override
    public List<StockLevelView> stock(String sku) {
        if (!sku.equals("SKU-1")) {
            return List.of();
        }
        return List.of(new StockLevelView("SKU-1", "berlin", 12, 4, 8, T0),
                new StockLevelView("SKU-1", "lyon", 3, 0, 3, T0.plusSeconds(5)));
    }

    @Override
    public BusinessMetrics metrics() {
        return METRICS;
    }
}
