package dev.oms.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.oms.app.contracts.MessageRegistryReader;
import dev.oms.app.contracts.Registration;
import dev.oms.app.contracts.SchemaCompatibility;
import dev.oms.app.invariants.InvariantChecker;
import dev.oms.app.invariants.Violation;
import dev.oms.app.platform.PlatformSettings;
import dev.oms.app.platform.ServiceLauncher;
import dev.oms.infra.DbConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code oms doctor}: can the platform reach its database and broker, are schemas current, do invariants hold. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Checks PostgreSQL, Kafka, schema versions and (--invariants) the cross-service invariants.",
                "The invariants: nothing lost, charged twice or oversold, across all services.",
                "Uses OMS_DB_URL / OMS_KAFKA_BOOTSTRAP, else the embedded defaults of a running `oms up`.",
                "With --invariants it also lists (WARN) the sagas that wait for an operator and what their orders still hold.",
                "Exit code 0: healthy; 1: a check failed."})
final class DoctorCommand implements Callable<Integer> {
    private static final List<String> SCHEMAS =
            List.of("cart", "order", "inventory", "payment", "fulfillment", "notification", "projections");
    /** Services a deployment may leave out: their schema is checked where it exists. */
    private static final List<String> OPTIONAL_SCHEMAS = List.of("webhooks");

    @Option(names = "--invariants", description = "Also check the cross-service invariants.")
    boolean invariants;

    @Option(names = "--quiescent", description = "With --invariants: also require every saga ended and every outbox relayed.")
    boolean quiescent;

    @Override
    public Integer call() {
        DbConfig db = PlatformSettings.runningDb();
        String kafka = PlatformSettings.runningKafka();
        boolean healthy = checkKafka(kafka);
        try (HikariDataSource dataSource = db.dataSource("doctor", null, 2)) {
            healthy &= checkSchemas(dataSource);
            healthy &= checkMessageSchemas(dataSource);
            if (invariants) {
                healthy &= checkInvariants(dataSource);
            }
        } catch (RuntimeException e) {
            System.out.println("FAIL postgres " + db.jdbcUrl() + ": " + e.getMessage());
            return 1;
        }
        return healthy ? 0 : 1;
    }

    private static boolean checkKafka(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(p)) {
            int brokers = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size();
            System.out.println("ok   kafka " + bootstrap + " (" + brokers + " broker(s))");
            return true;
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            boolean timedOut = cause instanceof java.util.concurrent.TimeoutException
                    || cause instanceof org.apache.kafka.common.errors.TimeoutException;
            System.out.println("FAIL kafka " + bootstrap + ": " + (timedOut ? "no broker answered within 5 s" : cause));
            return false;
        }
    }

    private static boolean checkSchemas(HikariDataSource dataSource) {
        boolean healthy = true;
        try (Connection c = dataSource.getConnection()) {
            System.out.println("ok   postgres " + c.getMetaData().getURL());
            for (String schema : SCHEMAS) {
                String version = schemaVersion(c, schema);
                System.out.println((version == null ? "FAIL" : "ok  ") + " schema " + schema
                        + (version == null ? ": not migrated" : " at version " + version));
                healthy &= version != null;
            }
            for (String schema : OPTIONAL_SCHEMAS) {
                String version = schemaVersion(c, schema);
                System.out.println("ok   schema " + schema + (version == null ? ": not deployed" : " at version " + version));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return healthy;
    }

    /** Lists the registered message types and fails for a consumer that cannot read a registered version. */
    private static boolean checkMessageSchemas(HikariDataSource dataSource) {
        List<Registration> registrations;
        try (Connection c = dataSource.getConnection()) {
            registrations = MessageRegistryReader.readAll(c);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        Map<String, Set<String>> producersByType = new TreeMap<>();
        registrations.stream().filter(r -> r.role() == Registration.Role.PRODUCES).forEach(r ->
                producersByType.computeIfAbsent(r.type() + " v" + r.version() + " " + r.fingerprint(),
                        t -> new TreeSet<>()).add(r.party()));
        producersByType.forEach((type, producers) ->
                System.out.println("ok   message " + type + " produced by " + String.join(", ", producers)));
        List<SchemaCompatibility.Gap> gaps = SchemaCompatibility.gaps(registrations);
        gaps.forEach(gap -> System.out.println("FAIL consumer " + gap));
        return gaps.isEmpty();
    }

    private static String schemaVersion(Connection c, String schema) throws java.sql.SQLException {
        try (PreparedStatement query = c.prepareStatement(
                "SELECT max(version) FROM \"" + schema + "\".flyway_schema_history WHERE success")) {
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (java.sql.SQLException missing) {
            return null;
        }
    }

    private boolean checkInvariants(HikariDataSource dataSource) {
        DbConfig provider = ServiceLauncher.providerDb(null);
        try (HikariDataSource providerBooks = provider == null ? null : provider.dataSource("doctor-provider", null, 1)) {
            return checkInvariants(new InvariantChecker(dataSource, providerBooks));
        }
    }

    private boolean checkInvariants(InvariantChecker checker) {
        List<Violation> violations = quiescent ? checker.checkQuiescent() : checker.check();
        violations.forEach(v -> System.out.println("FAIL invariant " + v));
        if (violations.isEmpty()) {
            System.out.println("ok   invariants hold");
        }
        checker.openAlerts().forEach(alert -> System.out.println("WARN saga " + alert.detail()));
        return violations.isEmpty();
    }
}
