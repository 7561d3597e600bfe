package dev.oms.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.oms.app.platform.Durations;
import dev.oms.app.platform.PlatformSettings;
import dev.oms.app.platform.ServiceLauncher;
import dev.oms.app.release.ReleaseController;
import dev.oms.app.release.ReleasePlan;
import dev.oms.infra.DbConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code oms release SERVICE}: shifts a service's traffic from its blue copies to its green ones, or back. */
@Command(name = "release", mixinStandardHelpOptions = true,
        description = {"Blue/green release of a service under load: moves the share of its partitions that its green",
                "copies (started with OMS_RELEASE_COLOR=green, same database) consume through the steps, waits for",
                "the consumer group's handover, watches every saga leg's SLO (bff dashboard/slos.properties) in the",
                "order service's metrics over a window, and rolls back to blue when one burns.",
                "Uses OMS_DB_URL (or OMS_<SERVICE>_DB_URL) and OMS_KAFKA_BOOTSTRAP, else a running `oms up`'s.",
                "Exit code 0: released (or --status/--rollback done); 2: rolled back; 1: could not run."})
final class ReleaseCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SERVICE", description = "cart, order, inventory, payment, fulfillment, notification or projections")
    String service;

    @Option(names = "--steps", split = ",", defaultValue = "10,50,100",
            description = "Green's share of the partitions, step by step, in %% (default: ${DEFAULT-VALUE}).")
    List<Integer> steps;

    @Option(names = "--settle", defaultValue = "3s", description = "Wait after each handover before watching (default: ${DEFAULT-VALUE}).")
    String settle;

    @Option(names = "--window", defaultValue = "15s", description = "How long each step is watched (default: ${DEFAULT-VALUE}).")
    String window;

    @Option(names = "--max-burn", defaultValue = "2",
            description = "Roll back when a leg spends its error or latency budget faster than this many times the"
                    + " sustainable rate over a window (default: ${DEFAULT-VALUE}).")
    double maxBurn;

    @Option(names = "--min-samples", defaultValue = "30",
            description = "Steps per leg a window needs to judge; fewer after 3 windows rolls back (default: ${DEFAULT-VALUE}).")
    int minSamples;

    @Option(names = "--metrics", defaultValue = "${env:OMS_RELEASE_METRICS_URL:-http://127.0.0.1:8080/actuator/prometheus}",
            description = "Prometheus scrape of the process running the order service (default: ${DEFAULT-VALUE}).")
    String metrics;

    @Option(names = "--rollback", description = "Put every partition back on blue now.")
    boolean rollback;

    @Option(names = "--status", description = "Print where the release stands and who holds the partitions.")
    boolean status;

    @Override
    public Integer call() throws InterruptedException {
        if (ServiceLauncher.Name.BFF.id().equals(service) || ServiceLauncher.Name.AUDIT.id().equals(service)) {
            throw new ParameterException(spec.commandLine(), service + " holds no state a release must hand over:"
                    + " start the new copies beside the old and stop the old (docs/multi-region.md)");
        }
        ReleasePlan plan;
        try {
            plan = new ReleasePlan(service, steps, Durations.parse(settle), Durations.parse(window), maxBurn, minSamples,
                    Duration.ofSeconds(60));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        DbConfig db = DbConfig.forService(service).orElse(PlatformSettings.runningDb());
        try (HikariDataSource pool = db.dataSource("release", service, 2);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformSettings.runningKafka()))) {
            ReleaseController controller = new ReleaseController(plan, pool, admin, URI.create(metrics),
                    Clock.systemUTC(), System.out::println);
            if (status) {
                System.out.println(controller.status());
                return 0;
            }
            if (rollback) {
                controller.rollBack(System.nanoTime(), "rolled back by hand");
                return 0;
            }
            return controller.run() == ReleaseController.Outcome.RELEASED ? 0 : 2;
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println("oms release: " + e.getMessage());
            return 1;
        }
    }
}
