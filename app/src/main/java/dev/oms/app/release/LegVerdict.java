package dev.oms.app.release;

import dev.oms.bff.dashboard.Slo;

/**
 * One saga leg over one step of a release, against its SLO: how fast the step spent the leg's error budget (timed-out
 * steps against 1 - success) and its latency budget (answered steps slower than the p99 objective against 1 %).
 * A burn rate of 1 spends the budget exactly as fast as the objective allows.
 */
record LegVerdict(Slo slo, long steps, long timedOut, double slow, double p99) {
    static final double LATENCY_BUDGET = 0.01;

    static LegVerdict of(Slo slo, StepLatencies.Counts window) {
        return new LegVerdict(slo, window.all(), window.timedOut(), window.answeredSlowerThan(slo.p99Seconds()),
                window.p99());
    }

    double errorBurn() {
        return steps == 0 ? 0 : (double) timedOut / steps / slo.errorBudget();
    }

    double latencyBurn() {
        long answered = steps - timedOut;
        return answered == 0 ? 0 : slow / answered / LATENCY_BUDGET;
    }

    double burn() {
        return Math.max(errorBurn(), latencyBurn());
    }

    String describe() {
        if (steps == 0) {
            return "%s.%s: no steps".formatted(slo.saga(), slo.step());
        }
        return "%s.%s: %d steps, p99 %.3f s (objective %s s), %.1f slower, %d timed out, burn %.1fx".formatted(
                slo.saga(), slo.step(), steps, p99, slo.p99Seconds(), slow, timedOut, burn());
    }
}
