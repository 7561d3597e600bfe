package dev.oms.saga;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The saga metrics a test's sagas record (the engine records to the global registry once a transition commits):
 * opened before the test, closed after it, so each test counts only its own.
 */
final class RecordedMetrics implements AutoCloseable {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    RecordedMetrics() {
        Metrics.globalRegistry.add(registry);
    }

    /** How many alerts of that kind the saga type raised for that step. */
    double alerts(String saga, String step, String kind) {
        Counter counter = registry.find("oms.saga.alerts").tags("saga", saga, "step", step, "kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }

    /** How many times the saga type sent that step (or "step.compensation") again. */
    double retries(String saga, String step) {
        Counter counter = registry.find("oms.saga.retries").tags("saga", saga, "step", step).counter();
        return counter == null ? 0 : counter.count();
    }

    @Override
    public void close() {
        Metrics.globalRegistry.remove(registry);
        registry.close();
    }
}
