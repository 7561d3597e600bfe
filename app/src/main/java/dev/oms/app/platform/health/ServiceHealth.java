package dev.oms.app.platform.health;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The readiness of every service of the platform, as one Actuator contributor named {@code services}: per service
 * its PostgreSQL pool, the broker and its outbox lag.
 */
public final class ServiceHealth {
    /** Outbox lag past which a service is OUT_OF_SERVICE, unless OMS_OUTBOX_MAX_AGE says otherwise. */
    public static final Duration DEFAULT_OUTBOX_MAX_AGE = Duration.ofSeconds(30);

    private final Map<String, HealthContributor> services = new LinkedHashMap<>();
    private final KafkaHealth kafka;
    private final Clock clock;
    private final Duration outboxMaxAge;

    public ServiceHealth(KafkaHealth kafka, Clock clock, Duration outboxMaxAge) {
        this.kafka = kafka;
        this.clock = clock;
        this.outboxMaxAge = outboxMaxAge;
    }

    public void add(String service, DataSource dataSource) {
        services.put(service, CompositeHealthContributor.fromMap(checks(dataSource, kafka, clock, outboxMaxAge, true)));
    }

    /** What a service needs to do its work: its database, the broker, and (if it has one) an outbox that keeps up. */
    public static Map<String, HealthIndicator> checks(DataSource dataSource, KafkaHealth kafka, Clock clock,
                                                      Duration outboxMaxAge, boolean hasOutbox) {
        Map<String, HealthIndicator> checks = new LinkedHashMap<>();
        checks.put("postgres", new PostgresHealth(dataSource));
        checks.put("kafka", kafka);
        if (hasOutbox) {
            checks.put("outbox", new OutboxHealth(dataSource, clock, outboxMaxAge));
        }
        return checks;
    }

    public CompositeHealthContributor contributor() {
        return CompositeHealthContributor.fromMap(services);
    }
}
