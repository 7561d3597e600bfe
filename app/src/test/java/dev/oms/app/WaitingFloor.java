package dev.oms.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.oms.app.platform.Platform;
import dev.oms.app.platform.PlatformSettings;
import dev.oms.infra.DbConfig;
import dev.oms.infra.LocalKafka;
import dev.oms.infra.SharedTestInfra;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A platform whose parcels wait for the warehouse floor (by themselves they would take minutes to move on), on a
 * database and a broker of its own: the JVM's shared broker carries the shared platform, whose consumer groups a second
 * platform would join. {@link #data} reaches every schema, for the invariant checker and the tests' own looks.
 */
final class WaitingFloor implements AutoCloseable {
    private final LocalKafka kafka;
    final Platform platform;
    final HikariDataSource data;

    private WaitingFloor(LocalKafka kafka, Platform platform, HikariDataSource data) {
        this.kafka = kafka;
        this.platform = platform;
        this.data = data;
    }

    static WaitingFloor start(String name) {
        LocalKafka kafka = LocalKafka.startTemporary();
        DbConfig db = SharedTestInfra.freshDatabase(name);
        Platform platform = Platform.start(new PlatformSettings(Path.of("target/unused"), 0, 0, 0, Optional.of(db),
                Optional.of(kafka.bootstrapServers()), 4, Duration.ofMinutes(10), true), line -> { });
        return new WaitingFloor(kafka, platform, db.dataSource(name + "-it", null, 2));
    }

    /** An operator's client of the platform's GraphQL API. */
    Shop ops() {
        return TestPlatform.shopOn(platform).asOps();
    }

    @Override
    public void close() {
        data.close();
        platform.close();
        kafka.close();
    }
}
