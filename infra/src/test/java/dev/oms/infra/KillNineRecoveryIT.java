package dev.oms.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM killed with kill -9 leaves state behind (orphan postmaster, live broker registration); a restart must cope. */
class KillNineRecoveryIT {

    @TempDir
    Path tmp;

    @Test
    void postgresRestartsOnTheSamePortAfterKillNine() throws Exception {
        Path dir = tmp.resolve("pg");
        int port = Ports.freePort();
        runChildAndKillNine("postgres", dir, port, () -> LocalPostgres.start(dir, 0));
        long orphanPid = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).trim());
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);

        try (LocalPostgres pg = LocalPostgres.start(dir, port);
             Connection c = LocalPostgresIT.connect(pg.db());
             Statement s = c.createStatement()) {
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(LocalPostgresIT.single(s, "SELECT v FROM t")).isEqualTo("before kill");
            assertThat(LocalPostgresIT.single(s, "SHOW fsync")).isEqualTo("on");
        }
    }

    @Test
    void kafkaRestartsAfterKillNine() throws Exception {
        Path dir = tmp.resolve("kafka");
        runChildAndKillNine("kafka", dir, 0, () -> LocalKafka.start(dir, 0));

        try (LocalKafka kafka = LocalKafka.start(dir, 0)) {
            assertThat(LocalKafkaIT.readAll(kafka.bootstrapServers(), "events", 1)).containsExactly("k=before kill");
        }
    }

    /** Starts the child on dir, checks that a second start on dir fails fast while the child runs, then kill -9s it. */
    private static void runChildAndKillNine(String what, Path dir, int port, ThrowingCallable secondStart) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", classpath, CrashChild.class.getName(),
                what, dir.toString(), String.valueOf(port))
                .redirectError(Path.of("target", "kill-nine-" + what + "-child.log").toFile())
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()));
            String ready = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line; (line = out.readLine()) != null; ) {
                        if (line.equals("READY")) {
                            return line;
                        }
                    }
                    return "child exited with " + child.waitFor();
                } catch (Exception e) {
                    return e.toString();
                }
            }).get(60, TimeUnit.SECONDS);
            assertThat(ready).isEqualTo("READY");
            assertThatThrownBy(secondStart)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("in use by another process");
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hooks run
            child.waitFor();
        }
    }
}
