package dev.oms.bff.dashboard;

import dev.oms.projections.api.BusinessMetrics;
import dev.oms.projections.api.MetricsQueries;
import dev.oms.projections.api.OrderUpdate;
import dev.oms.projections.api.ProjectionUpdates;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Business meters derived from the read side, so that no service module has to know about them: orders by
 * milestone ({@code oms_orders{status}}, a gauge over the order view) and the latency from checkout to
 * CONFIRMED and to DELIVERED ({@code oms_order_checkout_to_*_seconds}), recorded as the projection tells of
 * each status change, from the placement time the update carries (no lookup per order). Registered in the
 * context's registry itself rather than as a MeterBinder: in the platform that registry comes from the launcher,
 * made before the BFF, and Boot binds binders only to the registries it builds.
 */
@Component
class OrderMetrics implements SmartInitializingSingleton, DisposableBean {
    private static final Map<String, String> LATENCIES = Map.of(
            "CONFIRMED", "oms.order.checkout.to.confirmed",
            "DELIVERED", "oms.order.checkout.to.delivered");

    private final ObjectProvider<MetricsQueries> metrics;
    private final ObjectProvider<ProjectionUpdates> updates;
    private final MeterRegistry registry;
    private final CachedMetrics cached;
    private ProjectionUpdates.Registration registration;

    OrderMetrics(ObjectProvider<MetricsQueries> metrics, ObjectProvider<ProjectionUpdates> updates,
            MeterRegistry registry) {
        this.registry = registry;
        this.metrics = metrics;
        this.updates = updates;
        this.cached = new CachedMetrics(metrics, Duration.ofSeconds(2));
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (metrics.getIfAvailable() != null) {
            gauge(registry, "placed", BusinessMetrics::ordersPlaced);
            gauge(registry, "confirmed", BusinessMetrics::ordersConfirmed);
            gauge(registry, "rejected", BusinessMetrics::ordersRejected);
            gauge(registry, "delivered", BusinessMetrics::ordersDelivered);
            gauge(registry, "refunded", BusinessMetrics::ordersRefunded);
            returnsGauge(registry, "requested", BusinessMetrics::returnsRequested);
            returnsGauge(registry, "refunded", BusinessMetrics::returnsRefunded);
        }
        ProjectionUpdates source = updates.getIfAvailable();
        if (source != null) {
            Map<String, Timer> timers = new HashMap<>();
            LATENCIES.forEach((status, name) -> timers.put(status, timer(name, registry)));
            registration = source.onOrderUpdate(update -> {
                Timer timer = timers.get(update.status());
                if (timer != null) {
                    record(timer, update);
                }
            });
        }
    }

    private void gauge(MeterRegistry registry, String status, ToDoubleFunction<BusinessMetrics> value) {
        Gauge.builder("oms.orders", cached, c -> c.get().map(value::applyAsDouble).orElse(Double.NaN))
                .description("Orders that reached a milestone, over every order the read side has seen")
                .tag("status", status).register(registry);
    }

    private void returnsGauge(MeterRegistry registry, String status, ToDoubleFunction<BusinessMetrics> value) {
        Gauge.builder("oms.returns", cached, c -> c.get().map(value::applyAsDouble).orElse(Double.NaN))
                .description("Returns asked for, and those refunded, over every return the read side has seen")
                .tag("status", status).register(registry);
    }

    private static void record(Timer timer, OrderUpdate update) {
        if (update.placedAt() == null || update.occurredAt() == null) {
            return;
        }
        Duration took = Duration.between(update.placedAt(), update.occurredAt());
        if (!took.isNegative()) {
            timer.record(took);
        }
    }

    private static Timer timer(String name, MeterRegistry registry) {
        return Timer.builder(name).description("Time from checkout to the order's milestone")
                .publishPercentileHistogram().register(registry);
    }

    @Override
    public void destroy() {
        if (registration != null) {
            registration.close();
        }
    }
}
