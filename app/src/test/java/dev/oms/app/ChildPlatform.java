package dev.oms.app;

import static org.awaitility.Awaitility.await;

import dev.oms.infra.DbConfig;
import dev.oms.infra.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * `oms up` in a child JVM against a PostgreSQL and a Kafka that outlive it, so a test can kill it with
 * kill -9 (or let a crash point halt it) and start it again on the same data.
 */
final class ChildPlatform implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final int httpPort;

    private ChildPlatform(Process process, Path log, int httpPort) {
        this.process = process;
        this.log = log;
        this.httpPort = httpPort;
    }

    static ChildPlatform start(String name, DbConfig db, String kafka, Map<String, String> env) {
        int port = Ports.freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                "dev.oms.app.Oms", "up", "--http-port", String.valueOf(port), "--fulfillment-step", "300ms"));
        try {
            Path log = Files.createDirectories(Path.of("target", "child-logs")).resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().put("OMS_DB_URL", db.jdbcUrl());
            builder.environment().put("OMS_DB_USER", db.user());
            builder.environment().put("OMS_DB_PASSWORD", db.password());
            builder.environment().put("OMS_KAFKA_BOOTSTRAP", kafka);
            builder.environment().put("OMS_SAGA_STEP_TIMEOUT", "2s");
            builder.environment().putAll(env);
            ChildPlatform child = new ChildPlatform(builder.start(), log, port);
            child.awaitReady();
            return child;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("oms up exited with " + process.exitValue() + "; see " + log);
            }
            return Files.readString(log).contains("oms: ready");
        });
    }

    String graphqlUrl() {
        return "http://127.0.0.1:" + httpPort + "/graphql";
    }

    boolean alive() {
        return process.isAlive();
    }

    /** kill -9: no shutdown hook runs. */
    void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    void waitForExit() {
        waitForExit(Duration.ofSeconds(60));
    }

    /** Waits for the process to end by itself (a crash point halting it), at most {@code limit}. */
    void waitForExit(Duration limit) {
        try {
            process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM: the clean stop `oms up` promises. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            waitForExit();
        }
        if (process.isAlive()) {
            kill();
        }
    }
}
