package dev.oms.app;

import dev.oms.app.platform.PlatformSettings;
import dev.oms.infra.DbConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The database a command works on: with {@code --data-dir}, the embedded PostgreSQL of the {@code oms up} running on
 * that dir (its port is read from the server's postmaster.pid); else OMS_DB_URL; else the default embedded port.
 */
final class DatabaseOption {
    /** postmaster.pid holds the server's pid, data dir, start time, then its port on the fourth line. */
    private static final int PORT_LINE = 3;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "The data dir of a running `oms up`: use its embedded database (default: OMS_DB_URL, "
                    + "else the embedded database on port " + PlatformSettings.DEFAULT_DB_PORT + ").")
    Path dataDir;

    /** @throws IllegalStateException when no PostgreSQL runs on {@code --data-dir} */
    DbConfig database() {
        if (dataDir == null) {
            return DbConfig.fromEnv().orElse(embeddedOn(PlatformSettings.DEFAULT_DB_PORT));
        }
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return embeddedOn(Integer.parseInt(lines.get(PORT_LINE).trim()));
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("no PostgreSQL is running on " + dataDir + " (is `oms up --data-dir "
                    + dataDir + "` running?)");
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the database port from " + pidFile + ": " + e, e);
        }
    }

    private static DbConfig embeddedOn(int port) {
        return new DbConfig("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
    }
}
