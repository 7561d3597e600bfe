package dev.oms.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.DoubleSupplier;

/**
 * A gauge in the global registry that several platforms in one JVM (tests) may register: the registry keeps one
 * gauge per name and tags, so it reads the newest registered source; the gauge goes when the last source closes.
 */
public final class SharedGauge {
    private static final Map<String, Deque<DoubleSupplier>> SOURCES = new ConcurrentHashMap<>();

    private SharedGauge() {}

    /** Registers {@code source} under the name and tags; closing it takes the source away again. */
    public static synchronized AutoCloseable register(String name, String description, Tags tags,
                                                     DoubleSupplier source) {
        MeterRegistry registry = Metrics.globalRegistry;
        String key = name + tags;
        Deque<DoubleSupplier> sources = SOURCES.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>());
        sources.push(source);
        Gauge gauge = Gauge.builder(name, sources, SharedGauge::readNewest).description(description).tags(tags)
                .strongReference(true).register(registry);
        return () -> {
            synchronized (SharedGauge.class) {
                sources.remove(source);
                if (sources.isEmpty()) {
                    registry.remove(gauge);
                    SOURCES.remove(key);
                }
            }
        };
    }

    private static double readNewest(Deque<DoubleSupplier> sources) {
        DoubleSupplier newest = sources.peekFirst();
        return newest == null ? Double.NaN : newest.getAsDouble();
    }
}
