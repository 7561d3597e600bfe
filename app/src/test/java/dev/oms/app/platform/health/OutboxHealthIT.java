package dev.oms.app.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.oms.infra.SharedTestInfra;
import dev.oms.messaging.SchemaMigrator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** A service whose relay falls behind leaves readiness; one that keeps up, or has nothing to relay, stays in. */
class OutboxHealthIT {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static HikariDataSource pool;

    @BeforeAll
    static void outbox() {
        pool = SharedTestInfra.freshDatabase("outboxhealth").dataSource("outbox-health", "svc", 2);
        SchemaMigrator.migrate(pool, "svc");
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void anEmptyOutboxIsUp() throws Exception {
        deleteAll();

        Health health = new OutboxHealth(pool, CLOCK, Duration.ofSeconds(30)).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("backlog", 0L);
    }

    @Test
    void aMessageWaitingLongerThanTheThresholdTakesTheServiceOutOfService() throws Exception {
        deleteAll();
        waiting(NOW.minusSeconds(5));
        waiting(NOW.minusSeconds(45));

        Health late = new OutboxHealth(pool, CLOCK, Duration.ofSeconds(30)).health();
        Health patient = new OutboxHealth(pool, CLOCK, Duration.ofMinutes(1)).health();

        assertThat(late.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(late.getDetails()).containsEntry("backlog", 2L).containsEntry("oldestSeconds", 45.0);
        assertThat(patient.getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void anUnreadableOutboxIsDown() {
        HikariDataSource closed = SharedTestInfra.freshDatabase("outboxhealth").dataSource("closed", "svc", 1);
        closed.close();

        assertThat(new OutboxHealth(closed, CLOCK, Duration.ofSeconds(30)).health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(new PostgresHealth(closed).health().getStatus()).isEqualTo(Status.DOWN);
    }

    private static void waiting(Instant committedAt) throws Exception {
        try (Connection c = pool.getConnection(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO outbox (topic, msg_key, message_id, type, schema_version, correlation_id, occurred_at,
                                    producer, payload)
                VALUES ('t', 'k', ?, 'oms.test.v1.Nothing', 1, 'order-1', ?, 'svc', '')""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setTimestamp(2, Timestamp.from(committedAt));
            insert.executeUpdate();
        }
    }

    private static void deleteAll() throws Exception {
        try (Connection c = pool.getConnection()) {
            c.createStatement().executeUpdate("DELETE FROM outbox");
        }
    }
}
