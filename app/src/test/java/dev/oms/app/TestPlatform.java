package dev.oms.app;

import dev.oms.app.platform.Platform;
import dev.oms.app.platform.PlatformSettings;
import dev.oms.infra.DbConfig;
import dev.oms.infra.SharedTestInfra;
import dev.oms.infra.ShutdownOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * One running platform per test JVM, on the JVM's shared Postgres (a fresh database) and Kafka. Its
 * services talk only through Kafka; tests reach it only through GraphQL over HTTP, with tokens signed by the
 * user's key as `oms token` signs them.
 */
final class TestPlatform {
    private static Platform platform;
    private static DbConfig database;

    private TestPlatform() {}

    static synchronized Platform shared() {
        if (platform == null) {
            DbConfig db = SharedTestInfra.freshDatabase("e2e");
            database = db;
            PlatformSettings settings = new PlatformSettings(Path.of("target/unused"), 0, 0, 0, Optional.of(db),
                    Optional.of(SharedTestInfra.kafkaBootstrap()), 4, Duration.ofMillis(200), true);
            platform = Platform.start(settings, line -> { });
            Platform started = platform;
            // the shared broker's hook waits for this one: consumers closing after the broker would hang the JVM's exit
            ShutdownOrder.infrastructureUsersStopInTheirOwnHook();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } finally {
                    ShutdownOrder.infrastructureUsersStopped();
                }
            }));
        }
        return platform;
    }

    /** The shared platform's database (for checkers and the sandbox provider's console: tests act through GraphQL). */
    static synchronized DbConfig sharedDatabase() {
        shared();
        return database;
    }

    /** The shared platform's shop, as an operator. */
    static Shop shop() {
        return new Shop(new GraphQlClient(shared().graphqlUrl()));
    }

    /** The shared platform's shop, as the customer {@code customerId}. */
    static Shop shopFor(String customerId) {
        return shop().asCustomer(customerId);
    }

    /** A platform's shop, as an operator. */
    static Shop shopOn(Platform platform) {
        return new Shop(new GraphQlClient(platform.graphqlUrl()));
    }
}
