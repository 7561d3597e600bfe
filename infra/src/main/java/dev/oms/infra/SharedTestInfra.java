package dev.oms.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Postgres and one Kafka shared by every test in a JVM, started lazily. The embedded ones stop through their
 * own shutdown hooks (zonky's, LocalKafka's).
 */
public final class SharedTestInfra {

    private static final Logger log = LoggerFactory.getLogger(SharedTestInfra.class);
    private static final int MAX_PREFIX = 40;

    private static DbConfig server;
    private static boolean externalServer;
    private static String kafkaBootstrap;
    private static final List<String> createdOnExternal = new CopyOnWriteArrayList<>();

    private SharedTestInfra() {
    }

    /** OMS_DB_URL's server if set, else a LocalPostgres.startTemporary() shared per JVM. */
    public static synchronized DbConfig postgres() {
        if (server == null) {
            var fromEnv = DbConfig.fromEnv();
            externalServer = fromEnv.isPresent();
            server = fromEnv.orElseGet(() -> LocalPostgres.startTemporary().db());
            if (externalServer) {
                Runtime.getRuntime().addShutdownHook(new Thread(SharedTestInfra::dropCreated, "shared-test-db-cleanup"));
            }
        }
        return server;
    }

    /** Creates a brand-new empty database on that server (unique name from the prefix) and returns its DbConfig. */
    public static DbConfig freshDatabase(String prefix) {
        DbConfig admin = postgres();
        String name = databaseName(prefix);
        execute(admin, "CREATE DATABASE " + name);
        if (externalServer) {
            createdOnExternal.add(name);
        }
        return admin.withDatabase(name);
    }

    /** OMS_KAFKA_BOOTSTRAP if set, else a shared LocalKafka.startTemporary(). */
    public static synchronized String kafkaBootstrap() {
        if (kafkaBootstrap == null) {
            String fromEnv = System.getenv("OMS_KAFKA_BOOTSTRAP");
            kafkaBootstrap = fromEnv != null && !fromEnv.isBlank()
                    ? fromEnv.trim()
                    : LocalKafka.startTemporary().bootstrapServers();
        }
        return kafkaBootstrap;
    }

    static String databaseName(String prefix) {
        String clean = prefix == null ? "" : prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (clean.isEmpty() || !Character.isLetter(clean.charAt(0))) {
            clean = "db_" + clean;
        }
        if (clean.length() > MAX_PREFIX) {
            clean = clean.substring(0, MAX_PREFIX);
        }
        return clean + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Leaves a shared external server (e.g. CI's) as it was found. */
    private static void dropCreated() {
        for (String name : createdOnExternal) {
            try {
                execute(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (RuntimeException e) {
                log.warn("Could not drop test database {}: {}", name, e.toString());
            }
        }
    }

    private static void execute(DbConfig db, String sql) {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Failed on " + db.jdbcUrl() + ": " + sql + ": " + e.getMessage(), e);
        }
    }
}
