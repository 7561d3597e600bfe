package dev.oms.app.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import javax.sql.DataSource;

/**
 * {@code oms_outbox_backlog{service}}: messages a service has committed that its relay has not yet handed to the
 * broker (the relay deletes a row once the broker has it). NaN while the database cannot be read.
 */
final class OutboxBacklog {
    private OutboxBacklog() {}

    /** Per service, the outboxes of the platforms running in this JVM, newest first: the gauge reads the newest. */
    private static final Map<String, Deque<DataSource>> OUTBOXES = new ConcurrentHashMap<>();

    /**
     * Registers the service's gauge in the global registry. A second platform in the same JVM (tests) shares the
     * gauge rather than being ignored by the registry; the gauge goes when the last of them closes.
     */
    static synchronized AutoCloseable register(String service, DataSource dataSource) {
        MeterRegistry registry = Metrics.globalRegistry;
        Deque<DataSource> outboxes = OUTBOXES.computeIfAbsent(service, s -> new ConcurrentLinkedDeque<>());
        outboxes.push(dataSource);
        Gauge gauge = Gauge.builder("oms.outbox.backlog", outboxes, OutboxBacklog::countNewest)
                .description("Messages committed to the service's outbox and not yet acknowledged by the broker")
                .tag("service", service).strongReference(true).register(registry);
        return () -> {
            synchronized (OutboxBacklog.class) {
                outboxes.remove(dataSource);
                if (outboxes.isEmpty()) {
                    registry.remove(gauge);
                    OUTBOXES.remove(service);
                }
            }
        };
    }

    private static double countNewest(Deque<DataSource> outboxes) {
        DataSource newest = outboxes.peekFirst();
        return newest == null ? Double.NaN : count(newest);
    }

    private static double count(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT count(*) FROM outbox")) {
            return rows.next() ? rows.getLong(1) : Double.NaN;
        } catch (SQLException e) {
            return Double.NaN;
        }
    }
}
