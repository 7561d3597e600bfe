package dev.oms.bench.load;

import dev.oms.bench.OrderKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** What one phase of load (warm-up or measured) did, as seen by the client, recorded from many threads. */
public final class PhaseResult {

    /** An order that was checked out, and what it was meant to end as. */
    public record PlacedOrder(String orderId, OrderKind kind, Instant checkoutAt) {}

    private final Instant startedAt;
    private final long startedNanos;
    private final ConcurrentHistogram latencyMicros = new ConcurrentHistogram(3_600_000_000L, 3);
    private final Map<String, PlacedOrder> placed = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<String>> sagaEnds = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder finished = new LongAdder();
    private volatile long finishedNanos;

    PhaseResult(Instant startedAt, long startedNanos) {
        this.startedAt = startedAt;
        this.startedNanos = startedNanos;
    }

    void placed(PlacedOrder order, long latencyNanos, CompletableFuture<String> sagaEnd) {
        latencyMicros.recordValue(Math.max(1, latencyNanos / 1_000));
        placed.put(order.orderId(), order);
        sagaEnds.put(order.orderId(), sagaEnd);
        finished.increment();
    }

    void failed(String code) {
        errors.computeIfAbsent(code, c -> new LongAdder()).increment();
        finished.increment();
    }

    void end(long nanos) {
        finishedNanos = nanos;
    }

    /** When the first checkout of the phase was meant to start (wall clock). */
    public Instant startedAt() {
        return startedAt;
    }

    /** How long it took from the first intended start until the last checkout was answered. */
    public double loadSeconds() {
        return (finishedNanos - startedNanos) / 1e9;
    }

    /** Checkout latency in microseconds, from each checkout's intended start to its answer. */
    public Histogram latencyMicros() {
        return latencyMicros.copy();
    }

    public List<PlacedOrder> placed() {
        return List.copyOf(placed.values());
    }

    /** How many of the placed orders' sagas have ended so far. */
    public long sagasEnded() {
        return sagaEnds.values().stream().filter(CompletableFuture::isDone).count();
    }

    public long answered() {
        return finished.sum();
    }

    public long failures() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public Map<String, Long> errors() {
        Map<String, Long> counts = new TreeMap<>();
        errors.forEach((code, count) -> counts.put(code, count.sum()));
        return counts;
    }
}
