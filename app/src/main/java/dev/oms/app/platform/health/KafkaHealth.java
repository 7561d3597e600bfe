package dev.oms.app.platform.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * UP while the broker describes its cluster within two seconds. Every service of the platform shares the broker, so
 * one answer is kept for a second and shown under each service rather than asked for once per service per probe.
 */
public final class KafkaHealth implements HealthIndicator, AutoCloseable {
    private static final Duration REMEMBERED = Duration.ofSeconds(1);
    private final Admin admin;
    private final Clock clock;
    private Health last;
    private Instant lastAt = Instant.MIN;

    public KafkaHealth(String bootstrap, Clock clock) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "oms-health",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000));
        this.clock = clock;
    }

    @Override
    public synchronized Health health() {
        Instant now = clock.instant();
        if (last == null || now.isAfter(lastAt.plus(REMEMBERED))) {
            last = ask();
            lastAt = now;
        }
        return last;
    }

    private Health ask() {
        try {
            DescribeClusterResult cluster = admin.describeCluster();
            int brokers = cluster.nodes().get(2, TimeUnit.SECONDS).size();
            return Health.up().withDetail("brokers", brokers).build();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Health.down().withDetail("error", String.valueOf(e.getMessage())).build();
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(1)); // the broker may already be gone: don't wait for it
    }
}
