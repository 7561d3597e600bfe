package dev.oms.app.platform;

import dev.oms.messaging.SharedGauge;
import io.micrometer.core.instrument.Tags;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * {@code oms_outbox_backlog{service}}: messages a service has committed that its relay has not yet handed to the
 * broker (the relay deletes a row once the broker has it). NaN while the database cannot be read.
 */
final class OutboxBacklog {
    private OutboxBacklog() {}

    /** Registers the service's gauge in the global registry; closing it takes this platform's outbox away again. */
    static AutoCloseable register(String service, DataSource dataSource) {
        return SharedGauge.register("oms.outbox.backlog",
                "Messages committed to the service's outbox and not yet acknowledged by the broker",
                Tags.of("service", service), () -> count(dataSource));
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
