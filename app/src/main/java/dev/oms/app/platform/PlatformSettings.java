package dev.oms.app.platform;

import dev.oms.infra.DbConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How to run the platform. Without an external database or broker, an embedded PostgreSQL and Kafka keep
 * their data under {@code dataDir}; {@code httpPort} 0 picks a free port.
 */
public record PlatformSettings(
        Path dataDir,
        int httpPort,
        int dbPort,
        int kafkaPort,
        Optional<DbConfig> externalDb,
        Optional<String> externalKafka,
        int partitions,
        Duration fulfillmentStep,
        boolean seedCatalog) {

    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final int DEFAULT_DB_PORT = 54329;
    public static final int DEFAULT_KAFKA_PORT = 19092;
    /** Partitions of each topic: how many copies of a service can share its work. */
    public static final int DEFAULT_PARTITIONS = 8;

    /** Where the commands that talk to a running platform find its database: OMS_DB_URL, else embedded `oms up`'s. */
    public static DbConfig runningDb() {
        return DbConfig.fromEnv().orElse(new DbConfig(
                "jdbc:postgresql://127.0.0.1:" + DEFAULT_DB_PORT + "/postgres", "postgres", ""));
    }

    /** Where they find its broker: OMS_KAFKA_BOOTSTRAP, else embedded `oms up`'s. */
    public static String runningKafka() {
        String kafka = System.getenv("OMS_KAFKA_BOOTSTRAP");
        return kafka == null || kafka.isBlank() ? "127.0.0.1:" + DEFAULT_KAFKA_PORT : kafka.trim();
    }

    /** The settings of {@code oms up}: embedded parts unless OMS_DB_URL / OMS_KAFKA_BOOTSTRAP say otherwise. */
    public static PlatformSettings fromEnvironment(Path dataDir, int httpPort) {
        String kafka = System.getenv("OMS_KAFKA_BOOTSTRAP");
        return new PlatformSettings(dataDir, httpPort, DEFAULT_DB_PORT, DEFAULT_KAFKA_PORT, DbConfig.fromEnv(),
                kafka == null || kafka.isBlank() ? Optional.empty() : Optional.of(kafka.trim()),
                DEFAULT_PARTITIONS, Duration.ofSeconds(2), true);
    }

    public PlatformSettings withPorts(int db, int kafka) {
        return new PlatformSettings(dataDir, httpPort, db, kafka, externalDb, externalKafka, partitions, fulfillmentStep,
                seedCatalog);
    }

    public PlatformSettings withFulfillmentStep(Duration step) {
        return new PlatformSettings(dataDir, httpPort, dbPort, kafkaPort, externalDb, externalKafka, partitions, step,
                seedCatalog);
    }
}
