package dev.oms.app.release;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The saga step histogram the SLO rules are written on ({@code oms_saga_step_seconds}, by saga, step and outcome), as
 * counters at one moment, read from a Prometheus scrape of the process that runs the order service's sagas. Two
 * readings subtracted give a window's steps.
 */
final class StepLatencies {
    private static final Pattern SAMPLE = Pattern.compile("^(oms_saga_step_seconds_(?:bucket|count))\\{([^}]*)}\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One leg's counters: all steps, the timed-out ones, and the answered ones per histogram bound (seconds). */
    record Counts(long all, long timedOut, TreeMap<Double, Long> answeredAtMost) {
        long answered() {
            return all - timedOut;
        }

        Counts minus(Counts earlier) {
            TreeMap<Double, Long> buckets = new TreeMap<>();
            answeredAtMost.forEach((le, n) -> buckets.put(le, n - earlier.answeredAtMost.getOrDefault(le, 0L)));
            return new Counts(all - earlier.all, timedOut - earlier.timedOut, buckets);
        }

        /**
         * Answered steps slower than {@code seconds}; within the bucket that holds it, steps are taken as spread evenly,
         * as Prometheus' histogram_quantile (which the SLO rules use) takes them.
         */
        double answeredSlowerThan(double seconds) {
            Map.Entry<Double, Long> below = answeredAtMost.floorEntry(seconds);
            Map.Entry<Double, Long> above = answeredAtMost.ceilingEntry(seconds);
            double lowerBound = below == null ? 0 : below.getKey();
            double lowerCount = below == null ? 0 : below.getValue();
            if (above == null || above.getKey().isInfinite() || above.getKey() == lowerBound) {
                return answered() - lowerCount;
            }
            double within = (above.getValue() - lowerCount) * (seconds - lowerBound) / (above.getKey() - lowerBound);
            return answered() - lowerCount - within;
        }

        /** The 99th percentile of the answered steps, interpolated within its bucket as histogram_quantile does. */
        double p99() {
            double rank = answered() * 0.99;
            double lowerBound = 0;
            double lowerCount = 0;
            for (Map.Entry<Double, Long> bound : answeredAtMost.entrySet()) {
                if (bound.getValue() >= rank) {
                    if (bound.getKey().isInfinite()) {
                        return lowerBound;
                    }
                    double inBucket = bound.getValue() - lowerCount;
                    return inBucket == 0 ? bound.getKey()
                            : lowerBound + (bound.getKey() - lowerBound) * (rank - lowerCount) / inBucket;
                }
                lowerBound = bound.getKey();
                lowerCount = bound.getValue();
            }
            return Double.NaN;
        }
    }

    private final URI metrics;

    StepLatencies(URI metrics) {
        this.metrics = metrics;
    }

    /** The counters now, by "saga.step". */
    Map<String, Counts> read() {
        HttpResponse<String> response;
        try {
            response = HTTP.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot scrape " + metrics + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("scraping " + metrics + " answered HTTP " + response.statusCode());
        }
        return parse(response.body());
    }

    static Map<String, Counts> parse(String scrape) {
        Map<String, long[]> totals = new HashMap<>(); // [all, timedOut]
        Map<String, TreeMap<Double, Long>> buckets = new HashMap<>();
        for (String line : scrape.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.find()) {
                continue;
            }
            Map<String, String> labels = new HashMap<>();
            Matcher label = LABEL.matcher(sample.group(2));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
            String leg = labels.get("saga") + "." + labels.get("step");
            long value = (long) Double.parseDouble(sample.group(3));
            boolean timedOut = "timed_out".equals(labels.get("outcome"));
            if (sample.group(1).endsWith("_count")) {
                long[] total = totals.computeIfAbsent(leg, k -> new long[2]);
                total[0] += value;
                if (timedOut) {
                    total[1] += value;
                }
            } else if (!timedOut) {
                double le = "+Inf".equals(labels.get("le")) ? Double.POSITIVE_INFINITY : Double.parseDouble(labels.get("le"));
                buckets.computeIfAbsent(leg, k -> new TreeMap<>()).merge(le, value, Long::sum);
            }
        }
        Map<String, Counts> legs = new HashMap<>();
        totals.forEach((leg, total) -> legs.put(leg,
                new Counts(total[0], total[1], buckets.getOrDefault(leg, new TreeMap<>()))));
        return legs;
    }

    /** What happened between two readings, by leg (a leg first seen in {@code later} counts from zero). */
    static Map<String, Counts> between(Map<String, Counts> earlier, Map<String, Counts> later) {
        Map<String, Counts> window = new HashMap<>();
        later.forEach((leg, counts) -> window.put(leg,
                counts.minus(earlier.getOrDefault(leg, new Counts(0, 0, new TreeMap<>())))));
        return window;
    }
}
