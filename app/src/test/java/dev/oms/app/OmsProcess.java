package dev.oms.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.oms.infra.DbConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One `oms` command in a JVM of its own (a service, a Kafka node), its output in target/child-logs. */
final class OmsProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private OmsProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code oms <args>} with the environment {@code env}; {@code logName} names its log file. */
    static OmsProcess start(String logName, Map<String, String> env, String... args) {
        return startIn(null, logName, env, args);
    }

    /** As {@link #start}, inside the network namespace {@code netns} (null: this one), as `ip netns exec` runs it. */
    static OmsProcess startIn(String netns, String logName, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        if (netns != null) {
            command.addAll(List.of("ip", "netns", "exec", netns));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx320m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "dev.oms.app.Oms"));
        command.addAll(List.of(args));
        try {
            Path log = Files.createDirectories(Path.of("target", "child-logs")).resolve(logName + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().putAll(env);
            return new OmsProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code oms service <name>} on that database and broker, ready (its log says so) when this returns. */
    static OmsProcess service(String name, String logName, DbConfig db, String kafka, Map<String, String> env,
                              String... options) {
        Map<String, String> all = new HashMap<>(Map.of("OMS_DB_URL", db.jdbcUrl(), "OMS_DB_USER", db.user(),
                "OMS_DB_PASSWORD", db.password(), "OMS_KAFKA_BOOTSTRAP", kafka));
        all.putAll(env);
        List<String> args = new ArrayList<>(List.of("service", name));
        args.addAll(List.of(options));
        OmsProcess process = start(logName, all, args.toArray(String[]::new));
        process.awaitLog("oms: service " + name + " ready", Duration.ofSeconds(120));
        return process;
    }

    void awaitLog(String text, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(process.isAlive()).as("the process is running; see " + log).isTrue();
            return Files.readString(log).contains(text);
        });
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the command to end by itself; its exit code. */
    int awaitExit(Duration within) {
        try {
            assertThat(process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)).as("ended within " + within + "; see "
                    + log).isTrue();
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** kill -9: no shutdown hook runs. */
    void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** SIGTERM: a clean stop. */
    void stop() {
        process.destroy();
        waitFor();
    }

    private void waitFor() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
