package dev.oms.app;

import dev.oms.app.platform.ManagementServer;
import dev.oms.app.platform.PlatformSettings;
import dev.oms.app.platform.ServiceLauncher;
import dev.oms.app.platform.StartupException;
import dev.oms.contracts.Channels;
import dev.oms.infra.DbConfig;
import dev.oms.infra.Topics;
import dev.oms.remote.CommandServer;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code oms service NAME}: one service alone, against an external PostgreSQL and Kafka. */
@Command(name = "service", mixinStandardHelpOptions = true,
        description = {"Runs one service alone against an external database and Kafka cluster, for scale-out.",
                "Run more copies and Kafka's consumer groups share the partitions. Needs OMS_DB_URL",
                "(and OMS_DB_USER / OMS_DB_PASSWORD; OMS_<SERVICE>_DB_URL etc. give a service a database of its",
                "own) and OMS_KAFKA_BOOTSTRAP. Missing topics are created with OMS_KAFKA_PARTITIONS (8),",
                "OMS_KAFKA_REPLICATION_FACTOR (1) and OMS_KAFKA_MIN_INSYNC_REPLICAS (replication - 1, at least 1)."})
final class ServiceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "One of: ${COMPLETION-CANDIDATES}")
    ServiceLauncher.Name name;

    @Option(names = "--management-port", defaultValue = "${env:OMS_MANAGEMENT_PORT:-0}",
            description = "Port of /actuator/health/{liveness,readiness} and /actuator/prometheus"
                    + " (default: OMS_MANAGEMENT_PORT, else any free port, printed).")
    int managementPort;

    @Option(names = "--command-port", defaultValue = "${env:OMS_COMMAND_PORT:-0}",
            description = "Port of the commands the BFF sends (cart, order and inventory only; default:"
                    + " OMS_COMMAND_PORT, else any free port, printed).")
    int commandPort;

    @Override
    public Integer call() throws InterruptedException {
        Optional<DbConfig> db = DbConfig.forService(name.id());
        String kafka = System.getenv("OMS_KAFKA_BOOTSTRAP");
        if (db.isEmpty() || kafka == null || kafka.isBlank()) {
            throw new ParameterException(spec.commandLine(),
                    "oms service needs OMS_DB_URL (or OMS_" + name.id().toUpperCase(java.util.Locale.ROOT)
                            + "_DB_URL) and OMS_KAFKA_BOOTSTRAP");
        }
        ServiceLauncher.Running<?> running;
        try {
            Topics.ensure(kafka.trim(), Topics.Layout.fromEnv(PlatformSettings.DEFAULT_PARTITIONS), Channels.ALL);
            running = ServiceLauncher.start(name, db.get(), kafka.trim(), line -> System.out.println("oms: " + line));
        } catch (StartupException | IllegalStateException e) {
            System.err.println("oms: " + e.getMessage());
            return 1;
        }
        AutoCloseable service = running.stop();
        Optional<CommandServer> commands = Optional.empty();
        ManagementServer management;
        try {
            commands = ServedCommands.serve(running.service(), commandPort, running.dataSource());
            // the BFF serves /actuator on its own HTTP port
            management = name == ServiceLauncher.Name.BFF ? null
                    : ManagementServer.start(managementPort, name, db.get(), kafka.trim());
        } catch (StartupException | IllegalStateException e) {
            commands.ifPresent(CommandServer::close);
            closeQuietly(service);
            System.err.println("oms: " + e.getMessage());
            return 1;
        }
        commands.ifPresent(server -> System.out.println("oms: commands on http://127.0.0.1:" + server.port()
                + "/commands/"));
        // SIGTERM: the service finishes the poll in hand, commits and closes; the management port goes last.
        Optional<CommandServer> served = commands;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            served.ifPresent(CommandServer::close);
            closeQuietly(service);
            if (management != null) {
                management.close();
            }
        }, "oms-shutdown"));
        if (management != null) {
            System.out.println("oms: management on http://127.0.0.1:" + management.port()
                    + "/actuator/health (liveness, readiness) and /actuator/prometheus");
        }
        System.out.println("oms: service " + name.id() + " ready");
        new CountDownLatch(1).await();
        return 0;
    }

    private static void closeQuietly(AutoCloseable service) {
        try {
            service.close();
        } catch (Exception e) {
            System.err.println("oms: error while stopping: " + e);
        }
    }
}
