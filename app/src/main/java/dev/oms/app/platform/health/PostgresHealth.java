package dev.oms.app.platform.health;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** UP while the service's own pool hands out a connection that answers within two seconds. */
final class PostgresHealth implements HealthIndicator {
    private static final int TIMEOUT_SECONDS = 2;
    private final DataSource dataSource;

    PostgresHealth(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(TIMEOUT_SECONDS) ? Health.up().build()
                    : Health.down().withDetail("error", "no answer within " + TIMEOUT_SECONDS + " s").build();
        } catch (SQLException e) {
            return Health.down().withDetail("error", e.getMessage()).build();
        }
    }
}
