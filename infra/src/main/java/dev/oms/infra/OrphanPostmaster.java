package dev.oms.infra;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and stops a postmaster that outlived the JVM which started it (kill -9 of that JVM leaves it running,
 * holding its port and postmaster.pid). Left alone, zonky silently reuses it on the same port (new settings are
 * then not applied) and times out on any other port.
 */
final class OrphanPostmaster {

    /** zonky's per-data-dir lock, held by the live JVM that runs Postgres on that dir. */
    static final String ZONKY_LOCK = "epg-lock";

    private static final Logger log = LoggerFactory.getLogger(OrphanPostmaster.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private OrphanPostmaster() {
    }

    /** Fails when a live JVM (this one or another) still runs Postgres on dataDir: its postmaster is no orphan. */
    static void requireDirNotInUse(Path dataDir) throws IOException {
        Path lockFile = dataDir.resolve(ZONKY_LOCK);
        if (!Files.exists(lockFile)) {
            return; // never started, or not by zonky: nothing can hold it
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("PostgreSQL data dir " + dataDir
                        + " is in use by another process (it holds " + lockFile + ")");
            }
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException("PostgreSQL data dir " + dataDir + " is already in use in this JVM", e);
        }
    }

    /** Stops the postmaster named in dataDir/postmaster.pid if it is alive and is a postgres on dataDir. */
    static void stopIfRunning(Path dataDir) throws IOException {
        Optional<ProcessHandle> postmaster = find(dataDir);
        if (postmaster.isEmpty()) {
            return;
        }
        ProcessHandle process = postmaster.get();
        log.warn("Stopping orphan postmaster pid {} on {} (left running by a killed JVM or a failed start)",
                process.pid(), dataDir);
        // SIGTERM is a smart shutdown: the dead JVM's connections are gone, so it ends promptly and cleanly.
        process.destroy();
        if (!awaitExit(process, STOP_WAIT)) {
            // Crash recovery on the next start keeps every committed row.
            log.warn("Orphan postmaster pid {} ignored SIGTERM for {}; killing it", process.pid(), STOP_WAIT);
            process.destroyForcibly();
            if (!awaitExit(process, STOP_WAIT)) {
                throw new IllegalStateException("Orphan postmaster pid " + process.pid() + " on " + dataDir
                        + " does not exit; stop it by hand");
            }
        }
    }

    private static Optional<ProcessHandle> find(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2 || !lines.get(0).trim().matches("\\d+")) {
            return Optional.empty(); // half-written; postgres itself handles a stale file
        }
        Path pidFileDir = Path.of(lines.get(1).trim());
        return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .filter(p -> sameDir(pidFileDir, dataDir));
    }

    private static boolean sameDir(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration wait) {
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping orphan postmaster " + process.pid(), e);
        }
    }
}
