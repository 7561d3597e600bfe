package dev.oms.bench.measure;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** Samples the Postgres server's memory every two seconds while it runs and keeps the highest (KiB). */
public final class PeakMemory implements AutoCloseable {
    private final Optional<PostgresProcesses> postgres;
    private final AtomicLong peakKib = new AtomicLong(-1);
    private final Thread thread = new Thread(this::loop, "bench-memory");
    private volatile boolean running = true;

    public PeakMemory(Optional<PostgresProcesses> postgres) {
        this.postgres = postgres;
        thread.setDaemon(true);
        if (postgres.isPresent()) {
            thread.start();
        }
    }

    private void loop() {
        while (running) {
            sample();
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
        }
    }

    private void sample() {
        postgres.ifPresent(p -> p.pssKib().ifPresent(kib -> peakKib.accumulateAndGet(kib, Math::max)));
    }

    /** The highest Postgres memory seen, or null when it could not be read. */
    public Long postgresPeakKib() {
        sample();
        long peak = peakKib.get();
        return peak < 0 ? null : peak;
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
    }
}
