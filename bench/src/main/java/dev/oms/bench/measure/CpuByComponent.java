package dev.oms.bench.measure;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * CPU seconds used so far, by the part of the platform that used them: this JVM's threads grouped by what their
 * names say (a service, the in-process Kafka broker, the JIT, the garbage collector, the load driver), and the
 * Postgres backends grouped by the {@code application_name} their pools set. What cannot be attributed (threads
 * or backends that exited, Postgres's own background processes) is the difference to the process totals, which
 * {@link ResourceSnapshot} measures.
 */
public final class CpuByComponent {
    /** The platform's parts as they name their threads and connections; "order" is last so "reorder" cannot win. */
    private static final List<String> SERVICES = List.of("cart", "inventory", "payment", "fulfillment", "notification",
            "webhooks", "projection", "audit", "bff", "order");

    private CpuByComponent() {}

    public static Map<String, Double> take(BenchDatabase database, Optional<PostgresProcesses> postgres) {
        Map<String, Double> seconds = new HashMap<>();
        jvmThreads(seconds);
        jvmInternals(seconds);
        if (postgres.isPresent()) {
            postgresBackends(database, seconds);
        }
        return seconds;
    }

    /** The difference of two snapshots, per component, leaving out parts that used less than 10 ms. */
    public static Map<String, Double> since(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new HashMap<>();
        after.forEach((component, total) -> {
            double delta = total - before.getOrDefault(component, 0.0);
            if (delta >= 0.01) {
                used.put(component, delta);
            }
        });
        return used;
    }

    private static void jvmThreads(Map<String, Double> seconds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isThreadCpuTimeSupported()) {
            return;
        }
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long nanos = threads.getThreadCpuTime(info.getThreadId());
            if (nanos > 0) {
                seconds.merge("jvm " + ofJavaThread(info.getThreadName()), nanos / 1e9, Double::sum);
            }
        }
    }

    /** The JIT compilers and the garbage collector, which are not Java threads: from /proc's per-thread times. */
    private static void jvmInternals(Map<String, Double> seconds) {
        for (ProcFs.Stat thread : ProcFs.threadsOfSelf()) {
            String name = thread.command();
            String component = name.contains("Compiler") ? "jit"
                    : name.startsWith("GC ") || name.startsWith("G1 ") ? "gc" : null;
            if (component != null) {
                seconds.merge("jvm " + component, thread.cpuSeconds(), Double::sum);
            }
        }
    }

    static String ofJavaThread(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("bench") || lower.startsWith("load-") || lower.contains("oms-bench")) {
            return "load driver";
        }
        for (String service : SERVICES) {
            if (lower.contains(service)) {
                return service.equals("projection") ? "projections" : service;
            }
        }
        if (lower.contains("http-nio") || lower.contains("tomcat")) {
            return "bff";
        }
        if (lower.contains("kafka") || lower.contains("raft") || lower.contains("broker") || lower.contains("controller")
                || lower.contains("group-coordinator") || lower.contains("share-coordinator")
                || lower.contains("transaction-coordinator") || lower.contains("data-plane")
                || lower.contains("executor-") || lower.contains("replica")) {
            return "kafka broker and clients";
        }
        return "other";
    }

    private static void postgresBackends(BenchDatabase database, Map<String, Double> seconds) {
        Map<Long, String> backends = database.query(
                "SELECT pid, application_name FROM pg_stat_activity WHERE backend_type = 'client backend'", rows -> {
                    Map<Long, String> byPid = new HashMap<>();
                    while (rows.next()) {
                        byPid.put(rows.getLong(1), rows.getString(2));
                    }
                    return byPid;
                });
        backends.forEach((pid, application) -> ProcFs.stat(pid).ifPresent(stat ->
                seconds.merge("postgres " + ofConnection(application), stat.cpuSeconds(), Double::sum)));
    }

    static String ofConnection(String applicationName) {
        String lower = applicationName == null ? "" : applicationName.toLowerCase(Locale.ROOT);
        if (lower.contains("bench")) {
            return "load driver";
        }
        for (String service : SERVICES) {
            if (lower.contains(service)) {
                return service.equals("projection") ? "projections" : service;
            }
        }
        return lower.isEmpty() ? "unnamed" : lower;
    }
}
