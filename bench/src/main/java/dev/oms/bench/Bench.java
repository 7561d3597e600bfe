package dev.oms.bench;

import dev.oms.bench.load.Checkouts;
import dev.oms.bench.load.DirectCheckouts;
import dev.oms.bench.load.GraphQlCheckouts;
import dev.oms.bench.load.LoadGenerator;
import dev.oms.bench.load.OrderPlanner;
import dev.oms.bench.load.PhaseResult;
import dev.oms.bench.load.ProgressBar;
import dev.oms.bench.load.SagaWatcher;
import dev.oms.bench.measure.BenchDatabase;
import dev.oms.bench.measure.ConsumerLag;
import dev.oms.bench.measure.PeakMemory;
import dev.oms.bench.measure.PostgresProcesses;
import dev.oms.bench.measure.ResourceSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One bench run: an optional warm-up whose sagas it lets end, then the measured checkouts, then it waits for every
 * measured saga to end and the read side to catch up (or the completion timeout) and reads what the run cost. The
 * invariants are the caller's to check, since they span every service.
 */
public final class Bench {
    private final BenchOptions options;
    private final BenchTarget target;
    private final ProgressBar progress;
    private final Clock clock = Clock.systemUTC();

    public Bench(BenchOptions options, BenchTarget target, ProgressBar progress) {
        this.options = options;
        this.target = target;
        this.progress = progress;
    }

    public BenchReport run() throws InterruptedException {
        BenchDatabase database = new BenchDatabase(target.database());
        Optional<PostgresProcesses> postgres = PostgresProcesses.of(database);
        try (SagaWatcher watcher = new SagaWatcher(database);
             Checkouts checkouts = checkouts();
             LoadGenerator load = new LoadGenerator(checkouts, watcher,
                     new OrderPlanner(target.catalog(), options.mix(), options.seed()), options, clock)) {
            if (options.warmup() > 0) {
                PhaseResult warmup = placeOrders("warm-up", options.warmup(), load);
                awaitSagas(warmup);
            }
            awaitReadSide();
            settle();
            ResourceSnapshot before = ResourceSnapshot.take(database, postgres);
            PhaseResult measured;
            Long postgresPeakKib;
            try (PeakMemory memory = new PeakMemory(postgres)) {
                measured = placeOrders("checkouts", options.orders(), load);
                awaitSagas(measured);
                awaitReadSide();
                postgresPeakKib = memory.postgresPeakKib();
            }
            settle();
            ResourceSnapshot after = ResourceSnapshot.take(database, postgres);
            return new ReportBuilder(options, target, database).build(measured, before, after, postgresPeakKib);
        }
    }

    private Checkouts checkouts() {
        return options.direct()
                ? new DirectCheckouts(target.kafkaBootstrap(), clock)
                : new GraphQlCheckouts(target.graphqlUrl(), target.customerToken());
    }

    private PhaseResult placeOrders(String label, int orders, LoadGenerator load) throws InterruptedException {
        PhaseResult phase = load.newPhase();
        try (var shown = progress.show(label, orders, phase::answered, () -> String.format(
                "%d sagas ended, %.0f/s, %d errors", phase.sagasEnded(), phase.sagasEnded() / elapsed(phase),
                phase.failures()))) {
            load.run(orders, phase);
        }
        return phase;
    }

    private void awaitSagas(PhaseResult phase) throws InterruptedException {
        long placed = phase.placed().size();
        long deadline = System.nanoTime() + options.completionTimeout().toNanos();
        try (var shown = progress.show("sagas", placed, phase::sagasEnded,
                () -> (placed - phase.sagasEnded()) + " still running")) {
            while (phase.sagasEnded() < placed && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
    }

    /** Lets the projections and the audit log catch up, so that their share of the work counts to the run. */
    private void awaitReadSide() throws InterruptedException {
        try (ConsumerLag lag = new ConsumerLag(target.kafkaBootstrap())) {
            lag.awaitCaughtUp(options.completionTimeout());
        }
    }

    private double elapsed(PhaseResult phase) {
        return Math.max(0.001, Duration.between(phase.startedAt(), clock.instant()).toNanos() / 1e9);
    }

    private void settle() throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(options.statsSettle().toMillis());
    }
}
