package dev.oms.bench.load;

import dev.oms.bench.BenchOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Places orders at a fixed concurrency or at a fixed arrival rate.
 *
 * <p>Closed loop: each of C clients checks out, waits until the saga of that order has ended, and checks out again.
 * So C sagas are in flight (throughput = C / saga latency while the platform keeps up), and no backlog builds up in
 * front of the engine: one that did would delay replies past their step timeout and turn orders into
 * compensations. Open loop: the i-th checkout is due at i/R seconds whatever the platform does, backlog and all.
 * Latency runs from when a checkout was due, not from when it was sent, so that a slow platform cannot hide its
 * backlog (coordinated omission).
 */
public final class LoadGenerator implements AutoCloseable {
    private static final int MAX_IN_FLIGHT = 20_000;

    private final Checkouts checkouts;
    private final SagaWatcher watcher;
    private final OrderPlanner planner;
    private final BenchOptions options;
    private final Clock clock;
    private final ExecutorService users = DaemonThreads.pool("bench-users", 2);

    public LoadGenerator(Checkouts checkouts, SagaWatcher watcher, OrderPlanner planner, BenchOptions options, Clock clock) {
        this.checkouts = checkouts;
        this.watcher = watcher;
        this.planner = planner;
        this.options = options;
        this.clock = clock;
    }

    /** A phase starting now, to {@link #run} (and to watch while it runs). */
    public PhaseResult newPhase() {
        return new PhaseResult(clock.instant(), System.nanoTime());
    }

    /** Places {@code orders} orders and returns once every checkout was answered (not every saga ended). */
    public void run(int orders, PhaseResult phase) throws InterruptedException {
        if (options.openLoop()) {
            openLoop(orders, phase);
        } else {
            closedLoop(orders, phase);
        }
        phase.end(System.nanoTime());
    }

    private void closedLoop(int orders, PhaseResult phase) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(options.concurrency());
        for (int user = 0; user < options.concurrency(); user++) {
            users.execute(() -> checkOutAgain(next, orders, phase, done));
        }
        done.await();
    }

    private void checkOutAgain(AtomicInteger next, int orders, PhaseResult phase, CountDownLatch done) {
        if (next.getAndIncrement() >= orders) {
            done.countDown();
            return;
        }
        place(System.nanoTime(), phase)
                .thenCompose(this::untilSagaEnded)
                .whenCompleteAsync((ignored, failure) -> checkOutAgain(next, orders, phase, done), users);
    }

    private CompletableFuture<?> untilSagaEnded(CompletableFuture<String> sagaEnd) {
        if (sagaEnd == null) {
            return CompletableFuture.completedFuture(null);
        }
        Duration patience = options.completionTimeout();
        return sagaEnd.copy().completeOnTimeout("", patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void openLoop(int orders, PhaseResult phase) throws InterruptedException {
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        long start = System.nanoTime();
        for (int i = 0; i < orders; i++) {
            long due = start + (long) (i * 1e9 / options.ratePerSecond());
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            inFlight.acquire();
            place(due, phase).whenComplete((placed, failure) -> inFlight.release());
        }
        inFlight.acquire(MAX_IN_FLIGHT);
    }

    /** Places one order due at {@code dueNanos}; completes with its saga's end to come, or null if the checkout failed. */
    private CompletableFuture<CompletableFuture<String>> place(long dueNanos, PhaseResult phase) {
        PlannedOrder order = planner.next();
        CompletableFuture<Checkouts.Placed> attempt;
        try {
            attempt = checkouts.place(order);
        } catch (RuntimeException e) {
            attempt = CompletableFuture.failedFuture(e);
        }
        return attempt.handle((placed, failure) -> {
            if (failure != null) {
                phase.failed(codeOf(failure));
                return null;
            }
            CompletableFuture<String> sagaEnd = watcher.watch(placed.orderId());
            phase.placed(new PhaseResult.PlacedOrder(placed.orderId(), order.kind(), placed.checkoutAt()),
                    System.nanoTime() - dueNanos, sagaEnd);
            return sagaEnd;
        });
    }

    private static String codeOf(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof CheckoutFailedException checkout ? checkout.code() : "CLIENT_" + cause.getClass().getSimpleName();
    }

    @Override
    public void close() {
        users.shutdownNow();
    }
}
