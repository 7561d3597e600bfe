package dev.oms.bff.dashboard;

import dev.oms.projections.api.BusinessMetrics;
import dev.oms.projections.api.Edge;
import dev.oms.projections.api.MetricsQueries;
import dev.oms.projections.api.SagaFilter;
import dev.oms.projections.api.SagaQueries;
import dev.oms.projections.api.SagaView;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Puts the {@link Dashboard} together from this process' meters and the projections' queries. */
@Component
class DashboardReader {
    /** A running saga that has not moved for this long is shown as stuck. */
    static final Duration STUCK_AFTER = Duration.ofSeconds(60);
    private static final int PROBLEMS_SHOWN = 20;
    private static final String SAGA_QUERY = "query($id: ID!) { saga(id: $id) { id type status orderId startedAt "
            + "updatedAt steps { name kind status attempts error startedAt endedAt } } }";

    private final MeterRegistry registry;
    private final ObjectProvider<MetricsQueries> metrics;
    private final ObjectProvider<SagaQueries> sagas;
    private final List<Slo> slos = Slos.load();
    private final Clock clock = Clock.systemUTC();

    DashboardReader(MeterRegistry registry, ObjectProvider<MetricsQueries> metrics, ObjectProvider<SagaQueries> sagas) {
        this.registry = registry;
        this.metrics = metrics;
        this.sagas = sagas;
    }

    Dashboard read() {
        BusinessMetrics business = metrics.getIfAvailable() == null ? null : metrics.getObject().metrics();
        return new Dashboard(clock.instant(), orders(business), business == null ? null : business.orderSuccessRate(),
                Latency.of(registry.find("oms.order.checkout.to.confirmed").timers()),
                Latency.of(registry.find("oms.order.checkout.to.delivered").timers()),
                legs(), sagaOutcomes(), problems());
    }

    private static Map<String, Long> orders(BusinessMetrics business) {
        Map<String, Long> orders = new LinkedHashMap<>();
        if (business != null) {
            orders.put("placed", business.ordersPlaced());
            orders.put("confirmed", business.ordersConfirmed());
            orders.put("rejected", business.ordersRejected());
            orders.put("delivered", business.ordersDelivered());
            orders.put("refunded", business.ordersRefunded());
            orders.put("returns", business.returnsRequested());
            orders.put("returns refunded", business.returnsRefunded());
        }
        return orders;
    }

    private List<Leg> legs() {
        List<Leg> legs = new ArrayList<>();
        for (Slo slo : slos) {
            Collection<Timer> all = registry.find("oms.saga.step").tags("saga", slo.saga(), "step", slo.step()).timers();
            long count = all.stream().mapToLong(Timer::count).sum();
            long timedOut = all.stream().filter(t -> "timed_out".equals(t.getId().getTag("outcome")))
                    .mapToLong(Timer::count).sum();
            List<Timer> answered = all.stream().filter(t -> !"timed_out".equals(t.getId().getTag("outcome"))).toList();
            legs.add(Leg.of(slo, count, timedOut, Latency.of(answered)));
        }
        return legs;
    }

    private Map<String, Map<String, Long>> sagaOutcomes() {
        Map<String, Map<String, Long>> outcomes = new TreeMap<>();
        for (Counter counter : registry.find("oms.saga").counters()) {
            outcomes.computeIfAbsent(counter.getId().getTag("saga"), saga -> new TreeMap<>())
                    .merge(counter.getId().getTag("outcome"), (long) counter.count(), Long::sum);
        }
        return outcomes;
    }

    private List<ProblemSaga> problems() {
        SagaQueries queries = sagas.getIfAvailable();
        if (queries == null) {
            return List.of();
        }
        List<ProblemSaga> problems = new ArrayList<>();
        add(problems, queries, new SagaFilter("COMPENSATION_FAILED", null), "compensation failed");
        var stuckSince = clock.instant().minus(STUCK_AFTER);
        add(problems, queries, new SagaFilter("RUNNING", stuckSince), "stuck");
        add(problems, queries, new SagaFilter("COMPENSATING", stuckSince), "stuck compensating");
        return problems;
    }

    private static void add(List<ProblemSaga> problems, SagaQueries queries, SagaFilter filter, String problem) {
        for (Edge<SagaView> edge : queries.sagas(filter, PROBLEMS_SHOWN, null).edges()) {
            SagaView saga = edge.node();
            problems.add(new ProblemSaga(saga.id(), saga.type(), saga.status(), saga.orderId(), saga.updatedAt(),
                    problem, link(saga.id())));
        }
    }

    private static String link(String sagaId) {
        return "/graphiql?query=" + encode(SAGA_QUERY) + "&variables=" + encode("{\"id\":\"" + sagaId + "\"}");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
