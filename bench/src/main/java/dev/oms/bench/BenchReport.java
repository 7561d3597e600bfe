package dev.oms.bench;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What a bench run measured; written as JSON by {@code --json} and as a table by {@link ReportTable}. Latencies are
 * milliseconds; null means the bench could not measure it here (e.g. the CPU of a platform in another process).
 *
 * @param sagasPerSecond sagas that ended (completed or compensated), divided by the time from the first checkout's
 *                       intended start to the last saga's end
 * @param measuredFrom that start, and {@code measuredUntil} that end (ISO-8601, UTC), to line the run up with a profile
 * @param hopLatency the message hops most orders took, from the audit log
 * @param rowWritesPerSaga the tables written most (rows inserted, updated or deleted per ended saga), most first
 */
public record BenchReport(
        String mode,
        String pacing,
        int orders,
        int warmup,
        Map<String, Integer> mix,
        double sagasPerSecond,
        double measuredSeconds,
        String measuredFrom,
        String measuredUntil,
        double checkoutsPerSecond,
        Sagas sagas,
        Latency clientCheckoutLatency,
        Latency serverCheckoutToCompletedLatency,
        List<StepLatency> stepLatency,
        List<HopLatency> hopLatency,
        Double postgresCommitsPerSaga,
        Map<String, Double> rowWritesPerSaga,
        Cpu cpu,
        Memory memory,
        Map<String, Long> errors,
        Environment environment,
        Invariants invariants) {

    /** Sagas of the measured orders by how they ended; unexpected: an OK order not COMPLETED, or the reverse. */
    public record Sagas(long started, long completed, long compensated, long compensationFailed, long unfinished,
                        long unexpected) {}

    public record Latency(long count, double p50, double p95, double p99, double max) {
        public static Latency ofMicros(Histogram micros) {
            return new Latency(micros.getTotalCount(), millis(micros.getValueAtPercentile(50)),
                    millis(micros.getValueAtPercentile(95)), millis(micros.getValueAtPercentile(99)),
                    millis(micros.getMaxValue()));
        }

        private static double millis(long micros) {
            return Math.round(micros / 100.0) / 10.0;
        }
    }

    public record StepLatency(String step, long count, double p50, double p99) {}

    /** A message and the one it caused ("ReserveStock -> StockReserved"): from the first's transaction to the second's. */
    public record HopLatency(String hop, long count, double p50, double p99) {}

    /**
     * @param jvmIncludesPlatform true when the platform ran in the bench's JVM (embedded); otherwise the JVM seconds
     *                            are the load driver's alone and not in the per-saga figure
     * @param msPerSagaByComponent milliseconds of CPU per ended saga by part of the platform ("jvm order", "postgres
     *                             projections", "jvm kafka broker and clients", "jvm jit", ...), most first; the JVM's
     *                             and Postgres's remainders are what no thread or connection alive at the end accounts for
     */
    public record Cpu(double jvmSeconds, boolean jvmIncludesPlatform, Double postgresSeconds, Double secondsPerSaga,
                      Map<String, Double> msPerSagaByComponent) {}

    /** Peak resident memory in MiB: this JVM's high-water mark, Postgres's highest sample (shared pages once). */
    public record Memory(Long jvmPeakRssMiB, Long postgresPeakMiB, Long totalPeakMiB) {}

    public record Environment(int cpus, String jdk, String os, Map<String, String> postgres) {}

    public record Invariants(boolean checked, boolean ok, List<String> violations) {
        public static final Invariants NOT_CHECKED = new Invariants(false, true, List.of());
    }

    public BenchReport withInvariants(Invariants checked) {
        return new BenchReport(mode, pacing, orders, warmup, mix, sagasPerSecond, measuredSeconds, measuredFrom,
                measuredUntil, checkoutsPerSecond,
                sagas, clientCheckoutLatency, serverCheckoutToCompletedLatency, stepLatency, hopLatency, postgresCommitsPerSaga, rowWritesPerSaga, cpu,
                memory, errors, environment, checked);
    }
}
