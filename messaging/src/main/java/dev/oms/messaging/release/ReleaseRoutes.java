package dev.oms.messaging.release;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's release route as its copies see it: read from its schema's {@code release_route} table at most once
 * per {@link #REFRESH}, so each consumer's loop may ask on every poll. While the database cannot be read, the last
 * route read stays in force (a copy never changes sides on its own).
 */
public final class ReleaseRoutes {
    private static final Logger log = LoggerFactory.getLogger(ReleaseRoutes.class);
    static final Duration REFRESH = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private volatile ReleaseRoute current = ReleaseRoute.NONE;
    private volatile long readAtNanos;
    private volatile boolean read;

    public ReleaseRoutes(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public ReleaseRoute current() {
        if (!read || System.nanoTime() - readAtNanos >= REFRESH.toNanos()) {
            refresh();
        }
        return current;
    }

    private synchronized void refresh() {
        if (read && System.nanoTime() - readAtNanos < REFRESH.toNanos()) {
            return;
        }
        readAtNanos = System.nanoTime();
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement("SELECT green_percent, version FROM release_route WHERE id = 1");
             ResultSet row = query.executeQuery()) {
            current = row.next() ? new ReleaseRoute(row.getInt(1), row.getLong(2)) : ReleaseRoute.NONE;
            read = true;
        } catch (SQLException e) {
            log.debug("release route not read, keeping {}: {}", current, e.toString());
        }
    }
}
