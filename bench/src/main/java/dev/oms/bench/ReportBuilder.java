package dev.oms.bench;

import dev.oms.bench.BenchReport.Cpu;
import dev.oms.bench.BenchReport.Environment;
import dev.oms.bench.BenchReport.Latency;
import dev.oms.bench.BenchReport.Memory;
import dev.oms.bench.BenchReport.Sagas;
import dev.oms.bench.load.PhaseResult;
import dev.oms.bench.measure.BenchDatabase;
import dev.oms.bench.measure.HopLatencies;
import dev.oms.bench.measure.JvmProcess;
import dev.oms.bench.measure.PostgresSettings;
import dev.oms.bench.measure.ResourceSnapshot;
import dev.oms.bench.measure.SagaOutcomes;
import dev.oms.bench.measure.StepLatencies;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** Turns what a run recorded and what the database says about it into the report. */
final class ReportBuilder {
    private static final int TOP_TABLES = 12;
    private final BenchOptions options;
    private final BenchTarget target;
    private final BenchDatabase database;

    ReportBuilder(BenchOptions options, BenchTarget target, BenchDatabase database) {
        this.options = options;
        this.target = target;
        this.database = database;
    }

    BenchReport build(PhaseResult phase, ResourceSnapshot before, ResourceSnapshot after, Long postgresPeakKib) {
        SagaOutcomes outcomes = SagaOutcomes.of(database, phase.placed());
        long ended = outcomes.ended();
        double seconds = outcomes.lastEnd() == null ? 0
                : Duration.between(phase.startedAt(), outcomes.lastEnd()).toNanos() / 1e9;
        return new BenchReport(options.mode(), options.pacing(), options.orders(), options.warmup(),
                options.mix().byName(),
                round(seconds > 0 ? ended / seconds : 0),
                round(seconds),
                phase.startedAt().toString(),
                outcomes.lastEnd() == null ? null : outcomes.lastEnd().toString(),
                round(phase.placed().size() / Math.max(0.001, phase.loadSeconds())),
                new Sagas(phase.placed().size(), outcomes.completed(), outcomes.compensated(),
                        outcomes.compensationFailed(), outcomes.unfinished(), outcomes.unexpected()),
                Latency.ofMicros(phase.latencyMicros()),
                Latency.ofMicros(outcomes.checkoutToCompletedMicros()),
                StepLatencies.of(database, phase.placed()),
                HopLatencies.of(database, phase.placed()),
                ended == 0 ? null : round((double) after.commitsSince(before) / ended),
                after.writes().perSagaSince(before.writes(), ended, TOP_TABLES),
                cpu(before, after, ended),
                memory(postgresPeakKib),
                errors(phase, outcomes),
                environment(),
                BenchReport.Invariants.NOT_CHECKED);
    }

    private Cpu cpu(ResourceSnapshot before, ResourceSnapshot after, long ended) {
        double jvm = after.jvmCpuSecondsSince(before);
        Double postgres = after.postgresCpuSecondsSince(before);
        Double perSaga = !target.platformInThisJvm() || postgres == null || ended == 0
                ? null : (jvm + postgres) / ended;
        return new Cpu(round(jvm), target.platformInThisJvm(), postgres == null ? null : round(postgres),
                perSaga == null ? null : Math.round(perSaga * 1e6) / 1e6,
                ended == 0 ? Map.of() : msPerSaga(after.cpuByComponentSince(before), jvm, postgres, ended));
    }

    /** Per component, most first, with what the named parts leave of the JVM's and Postgres's totals. */
    private static Map<String, Double> msPerSaga(Map<String, Double> seconds, double jvm, Double postgres, long ended) {
        Map<String, Double> all = new java.util.HashMap<>(seconds);
        double namedJvm = sumOf(seconds, "jvm ");
        all.put("jvm remainder", Math.max(0, jvm - namedJvm));
        if (postgres != null) {
            all.put("postgres remainder", Math.max(0, postgres - sumOf(seconds, "postgres ")));
        }
        Map<String, Double> perSaga = new java.util.LinkedHashMap<>();
        all.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> perSaga.put(e.getKey(), round(e.getValue() * 1000 / ended)));
        return perSaga;
    }

    private static double sumOf(Map<String, Double> seconds, String prefix) {
        return seconds.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).mapToDouble(Map.Entry::getValue).sum();
    }

    private Memory memory(Long postgresPeakKib) {
        Long jvm = JvmProcess.peakRssKib().isPresent() ? JvmProcess.peakRssKib().getAsLong() / 1024 : null;
        Long postgres = postgresPeakKib == null ? null : postgresPeakKib / 1024;
        Long total = target.platformInThisJvm() && jvm != null && postgres != null ? jvm + postgres : null;
        return new Memory(jvm, postgres, total);
    }

    private static Map<String, Long> errors(PhaseResult phase, SagaOutcomes outcomes) {
        Map<String, Long> errors = new TreeMap<>(phase.errors());
        if (outcomes.unfinished() > 0) {
            errors.put("SAGA_NOT_ENDED", outcomes.unfinished());
        }
        return errors;
    }

    private Environment environment() {
        return new Environment(Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                PostgresSettings.of(database));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
