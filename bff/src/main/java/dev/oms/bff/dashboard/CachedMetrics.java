package dev.oms.bff.dashboard;

import dev.oms.projections.api.BusinessMetrics;
import dev.oms.projections.api.MetricsQueries;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;

/** The business metrics, read at most once per {@code ttl}: a scrape reads several gauges of one query. */
final class CachedMetrics {
    private final ObjectProvider<MetricsQueries> queries;
    private final long ttlNanos;
    private BusinessMetrics last;
    private long readAt;

    CachedMetrics(ObjectProvider<MetricsQueries> queries, Duration ttl) {
        this.queries = queries;
        this.ttlNanos = ttl.toNanos();
    }

    synchronized Optional<BusinessMetrics> get() {
        long now = System.nanoTime();
        if (last == null || now - readAt > ttlNanos) {
            MetricsQueries source = queries.getIfAvailable();
            if (source == null) {
                return Optional.empty();
            }
            try {
                last = source.metrics();
                readAt = now;
            } catch (RuntimeException e) {
                return Optional.ofNullable(last);
            }
        }
        return Optional.of(last);
    }
}
