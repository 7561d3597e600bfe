package dev.oms.app.platform.health;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Whether the service's relay keeps up: OUT_OF_SERVICE once the oldest message still waiting in its outbox was
 * committed longer ago than {@code maxAge} (the broker is not taking them, or the relay is stuck), so the instance
 * stops getting traffic it could only add to the backlog; DOWN when the outbox cannot be read.
 */
final class OutboxHealth implements HealthIndicator {
    private final DataSource dataSource;
    private final Clock clock;
    private final Duration maxAge;

    OutboxHealth(DataSource dataSource, Clock clock, Duration maxAge) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    public Health health() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet row = s.executeQuery("SELECT count(*), min(occurred_at) FROM outbox")) {
            row.next();
            long backlog = row.getLong(1);
            Timestamp oldest = row.getTimestamp(2);
            Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), clock.instant());
            Status status = age.compareTo(maxAge) > 0 ? Status.OUT_OF_SERVICE : Status.UP;
            return Health.status(status).withDetail("backlog", backlog)
                    .withDetail("oldestSeconds", Math.max(0, age.toMillis()) / 1000.0)
                    .withDetail("maxAgeSeconds", maxAge.toMillis() / 1000.0)
                    .build();
        } catch (SQLException e) {
            return Health.down().withDetail("error", e.getMessage()).build();
        }
    }
}
