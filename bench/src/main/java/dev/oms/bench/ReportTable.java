package dev.oms.bench;

import dev.oms.bench.BenchReport.Latency;
import dev.oms.bench.BenchReport.StepLatency;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The report as a person reads it. */
public final class ReportTable {
    private ReportTable() {}

    public static String render(BenchReport r) {
        StringBuilder out = new StringBuilder();
        line(out, "oms bench: %s, %s, %d orders (after %d warm-up), mix %s", r.mode(), r.pacing(), r.orders(), r.warmup(),
                pairs(r.mix(), "="));
        line(out, "");
        line(out, "  %-30s %.1f sagas/s  (%d ended in %.1f s; checkouts placed at %.1f/s)", "throughput",
                r.sagasPerSecond(), r.sagas().completed() + r.sagas().compensated() + r.sagas().compensationFailed(),
                r.measuredSeconds(), r.checkoutsPerSecond());
        line(out, "  %-30s completed %d, compensated %d, compensation failed %d, unfinished %d, unexpected %d", "sagas",
                r.sagas().completed(), r.sagas().compensated(), r.sagas().compensationFailed(), r.sagas().unfinished(),
                r.sagas().unexpected());
        line(out, "");
        line(out, "  %-30s %8s %8s %8s %8s %8s", "latency (ms)", "count", "p50", "p95", "p99", "max");
        latency(out, "client checkout", r.clientCheckoutLatency());
        latency(out, "server checkout to COMPLETED", r.serverCheckoutToCompletedLatency());
        line(out, "");
        line(out, "  %-30s %8s %8s %8s", "saga step (ms)", "count", "p50", "p99");
        for (StepLatency step : r.stepLatency()) {
            line(out, "  %-30s %8d %8.1f %8.1f", step.step(), step.count(), step.p50(), step.p99());
        }
        if (!r.hopLatency().isEmpty()) {
            line(out, "");
            line(out, "  %-44s %8s %8s %8s", "message hop (ms, cause to effect)", "count", "p50", "p99");
            for (BenchReport.HopLatency hop : r.hopLatency()) {
                line(out, "  %-44s %8d %8.1f %8.1f", hop.hop(), hop.count(), hop.p50(), hop.p99());
            }
        }
        line(out, "");
        line(out, "  %-30s %s", "postgres commits per saga", orNa(r.postgresCommitsPerSaga(), "%.1f"));
        line(out, "  %-30s %s", "rows written per saga", r.rowWritesPerSaga().isEmpty() ? "n/a"
                : pairs(r.rowWritesPerSaga(), " "));
        line(out, "  %-30s %s", "cpu", cpu(r.cpu()));
        if (!r.cpu().msPerSagaByComponent().isEmpty()) {
            line(out, "  %-30s %s", "cpu per saga by part (ms)", pairs(r.cpu().msPerSagaByComponent(), " "));
        }
        line(out, "  %-30s %s", "peak memory", memory(r.memory()));
        line(out, "  %-30s %s", "errors", r.errors().isEmpty() ? "none" : pairs(r.errors(), " "));
        line(out, "  %-30s %d cpus, %s, %s; postgres %s", "environment", r.environment().cpus(), r.environment().jdk(),
                r.environment().os(), pairs(r.environment().postgres(), "="));
        line(out, "  %-30s %s", "invariants", invariants(r.invariants()));
        return out.toString();
    }

    private static void latency(StringBuilder out, String name, Latency l) {
        line(out, "  %-30s %8d %8.1f %8.1f %8.1f %8.1f", name, l.count(), l.p50(), l.p95(), l.p99(), l.max());
    }

    private static String cpu(BenchReport.Cpu cpu) {
        String jvm = String.format(Locale.ROOT, "jvm %.1f s (%s)", cpu.jvmSeconds(),
                cpu.jvmIncludesPlatform() ? "platform and load driver" : "load driver only");
        return jvm + ", postgres " + orNa(cpu.postgresSeconds(), "%.1f s") + ", per saga "
                + orNa(cpu.secondsPerSaga() == null ? null : cpu.secondsPerSaga() * 1000, "%.2f ms");
    }

    private static String memory(BenchReport.Memory m) {
        return "jvm " + orNa(m.jvmPeakRssMiB(), "%d MiB") + ", postgres " + orNa(m.postgresPeakMiB(), "%d MiB")
                + ", platform " + orNa(m.totalPeakMiB(), "%d MiB");
    }

    private static String invariants(BenchReport.Invariants invariants) {
        if (!invariants.checked()) {
            return "not checked";
        }
        return invariants.ok() ? "OK" : "VIOLATED\n" + invariants.violations().stream()
                .map(v -> "    " + v).collect(Collectors.joining("\n"));
    }

    private static String orNa(Object value, String format) {
        return value == null ? "n/a" : String.format(Locale.ROOT, format, value);
    }

    private static String pairs(Map<String, ?> map, String separator) {
        return map.entrySet().stream().map(e -> e.getKey() + separator + e.getValue()).collect(Collectors.joining(", "));
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
