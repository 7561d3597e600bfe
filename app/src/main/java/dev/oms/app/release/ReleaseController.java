package dev.oms.app.release;

import dev.oms.app.release.Holders.Holding;
import dev.oms.app.release.RouteStore.State;
import dev.oms.bff.dashboard.Slo;
import dev.oms.bff.dashboard.Slos;
import dev.oms.messaging.release.ReleaseRoute;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;

/**
 * Runs a blue/green release: per step, moves the route, waits for the consumer group's handover, lets it settle,
 * then watches every saga leg with an SLO over a window. A leg burning its budget faster than the plan allows, a
 * message parked, a handover that does not finish or a window without enough traffic to judge: the route goes back
 * to 0 % (all blue) and the release ends rolled back. After the 100 % step's window, green has it all.
 */
public final class ReleaseController {
    /** How a release ended. */
    public enum Outcome { RELEASED, ROLLED_BACK }

    private static final int MAX_WINDOWS = 3;

    private final ReleasePlan plan;
    private final RouteStore store;
    private final Holders holders;
    private final StepLatencies latencies;
    private final Consumer<String> out;
    private final Clock clock;
    private final List<Slo> slos = Slos.load();

    /**
     * A controller for {@code plan}: the route in the service's schema ({@code serviceDb}), its consumer group through
     * {@code admin}, the saga legs from a Prometheus scrape of the order service at {@code metrics}.
     */
    public ReleaseController(ReleasePlan plan, DataSource serviceDb, Admin admin, URI metrics, Clock clock,
                             Consumer<String> out) {
        this.plan = plan;
        this.clock = clock;
        this.store = new RouteStore(serviceDb, plan.service());
        this.holders = new Holders(admin, plan.service());
        this.latencies = new StepLatencies(metrics);
        this.out = out;
    }

    /** Where the release stands: the route, what the controller last wrote, and who holds the partitions. */
    public String status() {
        RouteStore.Status status = store.status();
        return "release %s: %s, green %d %% (route v%d%s)%s; %s".formatted(plan.service(), status.state(),
                status.route().greenPercent(), status.route().version(),
                status.changedAt() == null ? "" : ", since " + status.changedAt(),
                status.reason().isEmpty() ? "" : ": " + status.reason(), holders.now());
    }

    public Outcome run() throws InterruptedException {
        long started = System.nanoTime();
        Holding before = holders.now();
        boolean consumes = consumes(before);
        if (!consumes) {
            out.accept("release %s: no consumer group %s is running: only the BFF's split of its calls"
                    .formatted(plan.service(), plan.service()) + " (OMS_%s_GREEN_URL) moves with the route"
                    .formatted(plan.service().toUpperCase(Locale.ROOT)));
        } else if (before.greenCopies() == 0) {
            throw new IllegalStateException("no green copy of " + plan.service() + " is in its consumer group: start one"
                    + " with OMS_RELEASE_COLOR=green first (" + before + ")");
        }
        out.accept("release %s: steps %s %%, settle %d s + watch %d s per step; roll back when a leg burns its budget"
                .formatted(plan.service(), plan.steps(), plan.settle().toSeconds(), plan.window().toSeconds())
                + " faster than %.1fx; now %s".formatted(plan.maxBurn(), before));
        long parkedBefore = store.deadLetters();
        for (int percent : plan.steps()) {
            String failure;
            try {
                failure = step(percent, consumes, parkedBefore);
            } catch (RuntimeException e) {
                failure = "the release could not be watched, so it does not go on: " + e.getMessage();
            }
            if (failure != null) {
                return rollBack(started, "step " + percent + " %: " + failure);
            }
        }
        store.mark(State.RELEASED, "all steps healthy");
        out.accept("release %s: RELEASED in %.1f s; green consumes every partition, the blue copies can be stopped"
                .formatted(plan.service(), seconds(started)));
        return Outcome.RELEASED;
    }

    /** Moves the route to {@code percent} and watches the step; null when it is healthy, else why not. */
    private String step(int percent, boolean consumes, long parkedBefore) throws InterruptedException {
        ReleaseRoute route = store.move(percent, State.SHIFTING, "step " + percent + " %");
        long handover = System.nanoTime();
        Holding holding = consumes ? holders.awaitHandover(route, plan.handoverTimeout()) : holders.now();
        if (holding == null) {
            return "the handover did not finish within %d s (%s)".formatted(plan.handoverTimeout().toSeconds(),
                    holders.now());
        }
        out.accept("step %d %%: route v%d at %s, handover %.1f s, %s".formatted(percent, route.version(),
                LocalTime.now(clock).withNano(0), seconds(handover), holding));
        Thread.sleep(plan.settle().toMillis());
        String failure = watch(percent);
        long parked = store.deadLetters() - parkedBefore;
        if (failure == null && parked > 0) {
            failure = parked + " message(s) parked in " + plan.service() + "'s dead_letter during the release";
        }
        return failure;
    }

    /** Puts every partition back on blue (also by hand: {@code oms release SERVICE --rollback}). */
    public Outcome rollBack(long started, String reason) throws InterruptedException {
        out.accept("release %s: ROLLING BACK: %s".formatted(plan.service(), reason));
        boolean consumes = consumes(holders.now());
        ReleaseRoute route = store.move(0, State.ROLLED_BACK, reason);
        long handover = System.nanoTime();
        Holding holding = consumes ? holders.awaitHandover(route, plan.handoverTimeout()) : holders.now();
        out.accept("rollback: route v%d 0 %%, handover %s, %s; rolled back %.1f s after the release began".formatted(
                route.version(), holding == null ? "not finished in time" : "%.1f s".formatted(seconds(handover)),
                holding == null ? holders.now() : holding, seconds(started)));
        return Outcome.ROLLED_BACK;
    }

    /** Watches one step; null when every leg stayed within its budget, else why not. */
    private String watch(int percent) throws InterruptedException {
        Map<String, StepLatencies.Counts> start = latencies.read();
        long watching = System.nanoTime();
        List<LegVerdict> verdicts = List.of();
        for (int windows = 1; windows <= MAX_WINDOWS; windows++) {
            Thread.sleep(plan.window().toMillis());
            verdicts = verdicts(StepLatencies.between(start, latencies.read()));
            if (verdicts.stream().allMatch(v -> v.steps() >= plan.minSamples())) {
                break;
            }
        }
        out.accept("step %d %%: watched %.1f s".formatted(percent, seconds(watching)));
        List<String> burning = new ArrayList<>();
        List<String> starving = new ArrayList<>();
        for (LegVerdict verdict : verdicts) {
            boolean burns = verdict.steps() >= plan.minSamples() && verdict.burn() > plan.maxBurn();
            out.accept("  " + verdict.describe() + (burns ? "  BURNING" : ""));
            if (burns) {
                burning.add(verdict.describe());
            } else if (verdict.steps() < plan.minSamples()) {
                starving.add(verdict.slo().saga() + "." + verdict.slo().step() + " (" + verdict.steps() + " steps)");
            }
        }
        if (!burning.isEmpty()) {
            return "SLO burning faster than %.1fx: %s".formatted(plan.maxBurn(), String.join("; ", burning));
        }
        if (!starving.isEmpty()) {
            return "too little traffic to judge (fewer than %d steps): %s".formatted(plan.minSamples(),
                    String.join(", ", starving));
        }
        return null;
    }

    private List<LegVerdict> verdicts(Map<String, StepLatencies.Counts> window) {
        List<LegVerdict> verdicts = new ArrayList<>();
        for (Slo slo : slos) {
            StepLatencies.Counts counts = window.get(slo.saga() + "." + slo.step());
            if (counts != null) {
                verdicts.add(LegVerdict.of(slo, counts));
            } else {
                verdicts.add(new LegVerdict(slo, 0, 0, 0, Double.NaN));
            }
        }
        return verdicts;
    }

    /** Whether the service has a consumer group to hand over (cart has none: the BFF's split is all of its release). */
    private static boolean consumes(Holding holding) {
        return holding.greenCopies() + holding.blueCopies() > 0;
    }

    private static double seconds(long sinceNanos) {
        return Duration.ofNanos(System.nanoTime() - sinceNanos).toMillis() / 1000.0;
    }
}
