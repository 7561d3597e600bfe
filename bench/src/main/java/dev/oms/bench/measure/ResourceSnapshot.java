package dev.oms.bench.measure;

import java.util.Map;
import java.util.Optional;

/**
 * The counters whose difference over a run is its cost: the database's commits (less the bench's own), this JVM's
 * CPU time and the Postgres server's (null when it runs elsewhere); and the rows written per table.
 */
public record ResourceSnapshot(long commits, TableWrites writes, double jvmCpuSeconds, Double postgresCpuSeconds,
                               Map<String, Double> cpuByComponent) {
    private static final String COMMITS =
            "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()";

    public static ResourceSnapshot take(BenchDatabase database, Optional<PostgresProcesses> postgres) {
        long commits = database.query(COMMITS, rows -> rows.next() ? rows.getLong(1) : 0L);
        // the statement above is a transaction of the bench's own, as is every other it ran
        Map<String, Double> byComponent = CpuByComponent.take(database, postgres);
        return new ResourceSnapshot(commits - database.transactions(), TableWrites.take(database), JvmProcess.cpuSeconds(),
                postgres.map(PostgresProcesses::cpuSeconds).orElse(null), byComponent);
    }

    /** CPU seconds per component over the run; see {@link CpuByComponent}. */
    public Map<String, Double> cpuByComponentSince(ResourceSnapshot before) {
        return CpuByComponent.since(before.cpuByComponent, cpuByComponent);
    }

    public long commitsSince(ResourceSnapshot before) {
        return commits - before.commits;
    }

    public double jvmCpuSecondsSince(ResourceSnapshot before) {
        return jvmCpuSeconds - before.jvmCpuSeconds;
    }

    public Double postgresCpuSecondsSince(ResourceSnapshot before) {
        return postgresCpuSeconds == null || before.postgresCpuSeconds == null
                ? null : postgresCpuSeconds - before.postgresCpuSeconds;
    }
}
