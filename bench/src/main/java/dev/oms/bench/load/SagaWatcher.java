package dev.oms.bench.load;

import dev.oms.bench.measure.BenchDatabase;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Tells when the PlaceOrder saga of an order has ended, by polling the order service's saga table for the orders
 * still awaited: every 20 ms while few are (clients wait on them; more often, the bench's own queries took a
 * noticeable share of the platform's Postgres CPU), a few times a second while thousands are (an open loop's backlog).
 * Latencies are taken from the saga's own timestamps, not from when this noticed the end.
 */
public final class SagaWatcher implements AutoCloseable {
    private static final String ENDED = """
            SELECT correlation_id, status FROM "order".saga_instance
            WHERE saga_type = 'PlaceOrder' AND correlation_id = ANY (?)
              AND status IN ('COMPLETED', 'COMPENSATED', 'COMPENSATION_FAILED')""";
    private static final int FEW = 512;

    private final BenchDatabase database;
    private final Map<String, CompletableFuture<String>> awaited = new ConcurrentHashMap<>();
    private final LongAdder ended = new LongAdder();
    private final Thread thread = new Thread(this::loop, "bench-saga-watcher");
    private volatile boolean running = true;
    private volatile String lastFailure;

    public SagaWatcher(BenchDatabase database) {
        this.database = database;
        thread.setDaemon(true);
        thread.start();
    }

    /** Completes with the saga's end status (COMPLETED, COMPENSATED or COMPENSATION_FAILED). */
    public CompletableFuture<String> watch(String orderId) {
        return awaited.computeIfAbsent(orderId, id -> new CompletableFuture<>());
    }

    public int awaited() {
        return awaited.size();
    }

    public long ended() {
        return ended.sum();
    }

    /** Why the last poll failed, or null if it did not. */
    public String lastFailure() {
        return lastFailure;
    }

    private void loop() {
        while (running) {
            int size = awaited.size();
            if (size > 0) {
                poll();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(size <= FEW ? 20 : 250));
        }
    }

    private void poll() {
        try {
            Map<String, String> found = database.query(ENDED, BenchDatabase.texts(awaited.keySet().toArray(String[]::new)),
                    rows -> {
                        Map<String, String> statuses = new HashMap<>();
                        while (rows.next()) {
                            statuses.put(rows.getString(1), rows.getString(2));
                        }
                        return statuses;
                    });
            found.forEach((orderId, status) -> {
                CompletableFuture<String> end = awaited.remove(orderId);
                if (end != null) {
                    ended.increment();
                    end.complete(status);
                }
            });
            lastFailure = null;
        } catch (RuntimeException e) {
            lastFailure = e.getMessage();
        }
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
    }
}
