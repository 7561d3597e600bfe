package dev.oms.app;

import dev.oms.app.platform.ServiceLauncher;
import dev.oms.app.platform.StartupException;
import dev.oms.infra.DbConfig;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code oms service NAME}: one service alone, against an external PostgreSQL and Kafka. */
@Command(name = "service", mixinStandardHelpOptions = true,
        description = {"Runs one service alone against an external database and Kafka cluster, for scale-out.",
                "Run more copies and Kafka's consumer groups share the partitions. Needs OMS_DB_URL",
                "(and OMS_DB_USER / OMS_DB_PASSWORD) and OMS_KAFKA_BOOTSTRAP."})
final class ServiceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "One of: ${COMPLETION-CANDIDATES}")
    ServiceLauncher.Name name;

    @Override
    public Integer call() throws InterruptedException {
        Optional<DbConfig> db = DbConfig.fromEnv();
        String kafka = System.getenv("OMS_KAFKA_BOOTSTRAP");
        if (db.isEmpty() || kafka == null || kafka.isBlank()) {
            throw new ParameterException(spec.commandLine(), "oms service needs OMS_DB_URL and OMS_KAFKA_BOOTSTRAP");
        }
        AutoCloseable service;
        try {
            service = ServiceLauncher.start(name, db.get(), kafka.trim(), line -> System.out.println("oms: " + line));
        } catch (StartupException e) {
            System.err.println("oms: " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.close();
            } catch (Exception e) {
                System.err.println("oms: error while stopping: " + e);
            }
        }, "oms-shutdown"));
        System.out.println("oms: service " + name.id() + " ready");
        new CountDownLatch(1).await();
        return 0;
    }
}
