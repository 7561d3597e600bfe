package dev.oms.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.oms.projections.ProjectionsService;
import dev.oms.projections.replay.ProjectionReplay;
import dev.oms.projections.replay.ReplayableProjection;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code oms replay projection <name>}: rebuilds one projection from the audit log and swaps it in. */
@Command(name = "projection", mixinStandardHelpOptions = true,
        description = {"Rebuilds a projection from the audit log into fresh tables and swaps them in atomically.",
                "Live traffic keeps flowing meanwhile. Prints progress and the events/s achieved.",
                "Exit code 0: swapped in; 1: failed (the live tables are left as they were); 2: bad usage."})
final class ReplayProjectionCommand implements Callable<Integer> {
    private static final int BAR = 40;

    @Parameters(paramLabel = "<name>", description = "The projection: order_view or catalog.")
    String name;

    @Option(names = "--from", paramLabel = "TIMESTAMP",
            description = "Replay only events that occurred at or after this ISO-8601 instant, over a copy of the "
                    + "live tables (default: all of history into empty tables).")
    Instant from;

    @Option(names = "--workers", defaultValue = "4", description = "Connections applying events (default: ${DEFAULT-VALUE}).")
    int workers;

    @Override
    public Integer call() {
        ReplayableProjection projection;
        try {
            projection = ReplayableProjection.named(name);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        PrintStream out = System.out;
        try (HikariDataSource dataSource = ReplayCommand.database().dataSource("replay", ProjectionsService.NAME,
                workers + 2)) {
            ProjectionReplay.Report report = new ProjectionReplay(dataSource).rebuild(projection,
                    new ProjectionReplay.Options(from, workers), ReplayProjectionCommand::showProgress);
            System.err.println();
            out.printf(Locale.ROOT, "rebuilt %s: %d events (+%d at the swap) in %.1f s, %.0f events/s%n",
                    report.projection(), report.events(), report.tailEvents(), report.elapsed().toMillis() / 1000.0,
                    report.eventsPerSecond());
            return 0;
        } catch (Exception e) {
            System.err.println();
            System.err.println("replay of " + name + " failed: " + e.getMessage());
            return 1;
        }
    }

    private static void showProgress(long done, long total) {
        long all = Math.max(total, 1);
        int filled = (int) Math.min(BAR, done * BAR / all);
        System.err.printf(Locale.ROOT, "\r[%s%s] %3d%% %d/%d events", "#".repeat(filled), " ".repeat(BAR - filled),
                Math.min(100, done * 100 / all), done, total);
    }
}
