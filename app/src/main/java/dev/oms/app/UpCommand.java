package dev.oms.app;

import dev.oms.app.platform.Durations;
import dev.oms.app.platform.Platform;
import dev.oms.app.platform.PlatformSettings;
import dev.oms.app.platform.StartupException;
import dev.oms.infra.ShutdownOrder;
import dev.oms.messaging.CrashPoints;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code oms up}: the whole platform in this JVM until SIGTERM or Ctrl-C. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Starts the whole platform in one JVM; data survives restarts.",
                "Embedded PostgreSQL and Kafka (unless OMS_DB_URL / OMS_KAFKA_BOOTSTRAP point elsewhere),",
                "every service and the GraphQL BFF."})
final class UpCommand implements Callable<Integer> {
    @Option(names = "--data-dir", defaultValue = ".oms-data", description = "Where embedded data lives (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--http-port", defaultValue = "8080", description = "GraphQL/HTTP port (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--db-port", defaultValue = "54329", description = "Embedded PostgreSQL port (default: ${DEFAULT-VALUE}).")
    int dbPort;

    @Option(names = "--kafka-port", defaultValue = "19092", description = "Embedded Kafka port (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--fulfillment-step", defaultValue = "2s",
            description = "Dev mode: time between shipment status changes, e.g. 2s or 500ms; 0 turns it off (default: ${DEFAULT-VALUE}).")
    String fulfillmentStep;

    @Override
    public Integer call() throws InterruptedException {
        long start = System.nanoTime();
        PlatformSettings settings = PlatformSettings.fromEnvironment(dataDir, httpPort)
                .withPorts(dbPort, kafkaPort)
                .withFulfillmentStep(Durations.parse(fulfillmentStep));
        Platform platform;
        try {
            platform = Platform.start(settings, line -> System.out.println("oms: " + line));
        } catch (StartupException e) {
            System.err.println("oms: " + e.getMessage());
            return 1;
        }
        ShutdownOrder.infrastructureUsersStopInTheirOwnHook();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("oms: stopping");
            try {
                platform.close();
            } finally {
                ShutdownOrder.infrastructureUsersStopped();
            }
            System.out.println("oms: stopped");
        }, "oms-shutdown"));
        CrashPoints.arm();
        String base = "http://127.0.0.1:" + platform.httpPort();
        System.out.printf("oms: ready in %.1f s  GraphQL %s/graphql  GraphiQL %s/graphiql%n",
                Duration.ofNanos(System.nanoTime() - start).toMillis() / 1000.0, base, base);
        new CountDownLatch(1).await(); // runs until the JVM is told to stop; the hook above shuts down cleanly
        return 0;
    }
}
