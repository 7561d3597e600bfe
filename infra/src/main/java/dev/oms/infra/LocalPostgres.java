package dev.oms.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An embedded, durable PostgreSQL 17 (zonky) on a persistent data dir. */
public final class LocalPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private final java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();

    private LocalPostgres(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /** Stops cleanly on SIGTERM, after the services on it stopped (see ShutdownOrder). */
    private LocalPostgres withShutdownHook() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ShutdownOrder.awaitInfrastructureUsers();
            close();
        }, "local-postgres-shutdown"));
        return this;
    }

    /**
     * Starts (initdb only if the dir is new) with fsync=on, synchronous_commit=on, on 127.0.0.1:port; recovers an
     * orphan postmaster left by a kill -9 of an earlier JVM. port 0 = pick a free port.
     *
     * @throws IllegalStateException naming the cause on failure
     */
    public static LocalPostgres start(Path dataDir, int port) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            OrphanPostmaster.requireDirNotInUse(dir);
            OrphanPostmaster.stopIfRunning(dir);
            return new LocalPostgres(startWithOneRetry(dir, port), dir).withShutdownHook();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not start PostgreSQL on " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A throw-away instance on a temp data dir and a free port, with zonky's non-durable defaults (tests only). */
    public static LocalPostgres startTemporary() {
        // Under zonky's working dir, zonky itself stops and deletes instances there that a killed JVM left behind.
        Path dir = workingDir().resolve("oms-" + UUID.randomUUID());
        try {
            EmbeddedPostgres postgres = configure(dir, Ports.freePort()).setCleanDataDirectory(true).start();
            return new LocalPostgres(verified(postgres, dir), dir);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Could not start a temporary PostgreSQL in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Database "postgres", user "postgres". */
    public DbConfig db() {
        return new DbConfig("jdbc:postgresql://127.0.0.1:" + port() + "/postgres", "postgres", "");
    }

    public int port() {
        return postgres.getPort();
    }

    /** Stops postgres cleanly. */
    @Override
    public void close() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop PostgreSQL on " + dataDir, e);
        }
    }

    private static EmbeddedPostgres startWithOneRetry(Path dir, int port) throws IOException {
        try {
            return startDurable(dir, port);
        } catch (IOException | RuntimeException first) {
            log.warn("PostgreSQL on {} did not start ({}); retrying once", dir, first.toString());
            try {
                OrphanPostmaster.stopIfRunning(dir); // whatever the failed attempt left running
                // The failed zonky instance keeps its lock on epg-lock (its shutdown hook references it), so
                // a retry in this JVM needs a fresh lock file to lock.
                Files.deleteIfExists(dir.resolve(OrphanPostmaster.ZONKY_LOCK));
                return startDurable(dir, port);
            } catch (IOException | RuntimeException second) {
                second.addSuppressed(first);
                throw second;
            }
        }
    }

    private static EmbeddedPostgres startDurable(Path dir, int requestedPort) throws IOException {
        int port = requestedPort == 0 ? Ports.freePort() : requestedPort;
        if (!Ports.isFree(port)) {
            // zonky would otherwise wait for, and then happily use, whatever server answers there
            throw new IllegalStateException("Port " + port + " on 127.0.0.1 is already in use");
        }
        EmbeddedPostgres postgres = configure(dir, port)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false) // ours (see the constructor) waits for the services to stop first
                .setServerConfig("fsync", "on") // zonky's defaults are not durable
                .setServerConfig("synchronous_commit", "on")
                .start();
        return verified(postgres, dir);
    }

    private static EmbeddedPostgres.Builder configure(Path dir, int port) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setPort(port)
                .setPGStartupWait(STARTUP_WAIT)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", "");
    }

    /** Checks that the server answering on the port runs on our data dir, not some other Postgres. */
    private static EmbeddedPostgres verified(EmbeddedPostgres postgres, Path dir) throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW data_directory")) {
            rs.next();
            Path served = Path.of(rs.getString(1));
            if (!Files.isSameFile(served, dir)) {
                postgres.close();
                throw new IllegalStateException("Port " + postgres.getPort() + " is served by a PostgreSQL on "
                        + served + ", not on " + dir);
            }
            log.info("PostgreSQL on 127.0.0.1:{} with data dir {}", postgres.getPort(), dir);
            return postgres;
        } catch (SQLException e) {
            postgres.close();
            throw new IllegalStateException("PostgreSQL on port " + postgres.getPort() + " is not usable: " + e, e);
        }
    }

    private static Path workingDir() {
        String tmp = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString();
        return Path.of(System.getProperty("ot.epg.working-dir", tmp));
    }
}
