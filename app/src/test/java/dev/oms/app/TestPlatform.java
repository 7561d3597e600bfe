package dev.oms.app;

import dev.oms.app.platform.Platform;
import dev.oms.app.platform.PlatformSettings;
import dev.oms.infra.DbConfig;
import dev.oms.infra.SharedTestInfra;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * One running platform per test JVM, on the JVM's shared Postgres (a fresh database) and Kafka. Its
 * services talk only through Kafka; tests reach it only through GraphQL over HTTP.
 */
final class TestPlatform {
    private static Platform platform;

    private TestPlatform() {}

    static synchronized Platform shared() {
        if (platform == null) {
            DbConfig db = SharedTestInfra.freshDatabase("e2e");
            PlatformSettings settings = new PlatformSettings(Path.of("target/unused"), 0, 0, 0, Optional.of(db),
                    Optional.of(SharedTestInfra.kafkaBootstrap()), 4, Duration.ofMillis(200), true);
            platform = Platform.start(settings, line -> { });
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
        }
        return platform;
    }

    static Shop shop() {
        return new Shop(new GraphQlClient(shared().graphqlUrl()));
    }
}
