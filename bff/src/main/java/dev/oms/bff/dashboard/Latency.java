package dev.oms.bff.dashboard;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import java.util.Collection;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Latency percentiles of one or more timers, estimated from their cumulative histogram buckets by linear
 * interpolation inside the bucket that holds the rank, as Prometheus' histogram_quantile does.
 *
 * @param p50 seconds, or null before any sample (and likewise p95, p99)
 */
public record Latency(long count, Double p50, Double p95, Double p99) {

    static Latency of(Collection<Timer> timers) {
        TreeMap<Double, Double> cumulative = new TreeMap<>();
        long count = 0;
        for (Timer timer : timers) {
            count += timer.count();
            for (CountAtBucket bucket : timer.takeSnapshot().histogramCounts()) {
                cumulative.merge(bucket.bucket(TimeUnit.SECONDS), bucket.count(), Double::sum);
            }
        }
        return new Latency(count, quantile(cumulative, count, 0.5), quantile(cumulative, count, 0.95),
                quantile(cumulative, count, 0.99));
    }

    private static Double quantile(TreeMap<Double, Double> cumulative, long count, double q) {
        if (count == 0 || cumulative.isEmpty()) {
            return null;
        }
        double rank = q * count;
        double lowerBound = 0;
        double below = 0;
        for (var bucket : cumulative.entrySet()) {
            if (bucket.getValue() >= rank) {
                double inBucket = bucket.getValue() - below;
                double share = inBucket == 0 ? 1 : (rank - below) / inBucket;
                return lowerBound + (bucket.getKey() - lowerBound) * share;
            }
            lowerBound = bucket.getKey();
            below = bucket.getValue();
        }
        return cumulative.lastKey();
    }
}
