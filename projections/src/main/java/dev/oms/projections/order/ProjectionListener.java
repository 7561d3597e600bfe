package dev.oms.projections.order;

import dev.oms.projections.api.LocalProjectionUpdates;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live updates for a BFF in a process of its own: listens on the projections' database for what their transactions
 * committed (see UpdateNotifier's NOTIFY) and tells this JVM's listeners, reading each change back from the read
 * tables as the projections would have told it. Holds one connection of {@code reads}; after a lost connection it
 * listens again (what was committed meanwhile is not told: a client sees it on its next read). An order's update comes
 * in the notification itself, as the projections read it in their transaction; a saga is read back at its version.
 */
public final class ProjectionListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProjectionListener.class);
    private static final int WAIT_MS = 500;

    private final DataSource reads;
    private final LocalProjectionUpdates updates;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean listening;

    private ProjectionListener(DataSource reads, LocalProjectionUpdates updates) {
        this.reads = reads;
        this.updates = updates;
        this.thread = new Thread(this::run, "projection-listener");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts listening; {@code reads} is a pool on the projections' schema. */
    public static ProjectionListener start(DataSource reads, LocalProjectionUpdates updates) {
        return new ProjectionListener(reads, updates);
    }

    private void run() {
        while (running) {
            try (Connection c = reads.getConnection()) {
                try (Statement listen = c.createStatement()) {
                    listen.execute("LISTEN " + UpdateNotifier.CHANNEL);
                }
                listening = true;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] arrived = pg.getNotifications(WAIT_MS);
                    if (arrived != null) {
                        for (PGNotification notification : arrived) {
                            tell(c, notification.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                listening = false;
                if (running) {
                    log.warn("projection listener lost its connection ({}); listening again", e.getMessage());
                    pause(Duration.ofSeconds(1));
                }
            }
        }
    }

    /** Whether it is listening now: changes committed from now on will be told. */
    public boolean isListening() {
        return listening;
    }

    private void tell(Connection c, String payload) throws SQLException {
        if (payload.startsWith("o|")) {
            updates.publish(UpdateNotifier.orderUpdate(payload));
        } else if (payload.startsWith("s|")) {
            String[] parts = payload.split("\\|");
            SagaRows.one(c, parts[1], Long.parseLong(parts[2])).ifPresent(updates::publish);
        } else {
            log.debug("unknown projection notification {}", payload);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(2 * WAIT_MS + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
