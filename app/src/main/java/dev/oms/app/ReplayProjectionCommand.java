package dev.oms.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.oms.projections.ProjectionsService;
import dev.oms.projections.replay.Comparison;
import dev.oms.projections.replay.ProjectionReplay;
import dev.oms.projections.replay.ReplayableProjection;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code oms replay projection <name>}: rebuilds one projection from the audit log and swaps it in. */
@Command(name = "projection", mixinStandardHelpOptions = true,
        description = {"Rebuilds a projection from the audit log into fresh tables and swaps them",
                "in atomically while live traffic keeps flowing. Prints progress, then one",
                "line: the events/s achieved and whether the rebuilt tables' checksums equal",
                "the live ones' at the swap (if not, the replaced tables are kept in schema",
                "projections_retired_<name>).",
                "Exit code 0: swapped in; 1: failed (the live tables are left as they were);",
                "2: bad usage."})
final class ReplayProjectionCommand implements Callable<Integer> {
    private static final int BAR = 40;

    @Parameters(paramLabel = "<name>", description = "The projection: order_view or catalog.")
    String name;

    @Option(names = "--from", paramLabel = "TIMESTAMP",
            description = "Replay only events that occurred at or after this ISO-8601 instant, over a copy of the "
                    + "live tables (default: all of history into empty tables).")
    Instant from;

    @Option(names = "--workers", defaultValue = "4",
            description = "Connections applying events one by one, for --from or a projection that is not folded in "
                    + "memory (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--no-verify", negatable = false,
            description = "Do not compare checksums at the swap (it holds the live tables' lock a little longer).")
    boolean noVerify;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
        ReplayableProjection projection;
        try {
            projection = ReplayableProjection.named(name);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        ProjectionReplay.Report report;
        try (HikariDataSource dataSource = database.database().dataSource("replay", ProjectionsService.NAME,
                workers + 2)) {
            report = new ProjectionReplay(dataSource).rebuild(projection,
                    new ProjectionReplay.Options(from, workers, !noVerify), ReplayProjectionCommand::showProgress);
        } catch (Exception e) {
            System.err.println();
            System.err.println("replay of " + name + " failed: " + e.getMessage());
            return 1;
        }
        System.err.println();
        System.out.printf(Locale.ROOT, "rebuilt %s: %d events (+%d at the swap) in %.2f s%s, %.0f events/s; %s%n",
                report.projection(), report.events(), report.tailEvents(), report.elapsed().toNanos() / 1e9,
                report.waited().isZero() ? "" : String.format(Locale.ROOT,
                        " (%.1f s of it waiting for consumers to catch up)", report.waited().toNanos() / 1e9),
                report.eventsPerSecond(), checksum(report.comparison()));
        return 0;
    }

    private static String checksum(Comparison comparison) {
        if (comparison instanceof Comparison.Differ differ) {
            return "checksums DIFFER from the live tables' in " + String.join(", ", differ.tables())
                    + " (the replaced tables are kept in schema " + differ.keptIn() + ")";
        }
        if (comparison instanceof Comparison.NotCompared not) {
            return "checksums not compared: " + not.reason();
        }
        return "checksums equal the live tables'";
    }

    private static void showProgress(long done, long total) {
        long all = Math.max(total, 1);
        int filled = (int) Math.min(BAR, done * BAR / all);
        System.err.printf(Locale.ROOT, "\r[%s%s] %3d%% %d/%d events", "#".repeat(filled), " ".repeat(BAR - filled),
                Math.min(100, done * 100 / all), done, total);
    }
}
