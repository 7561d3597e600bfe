package dev.oms.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.oms.infra.DbConfig;
import dev.oms.infra.Ports;
import dev.oms.infra.SharedTestInfra;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service run alone ({@code oms service inventory}, its own process) is operable: its management port answers the
 * liveness and readiness probes (PostgreSQL, broker, outbox) and a Prometheus scrape, and SIGTERM stops it cleanly.
 */
class LoneServiceIT {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aLoneServiceAnswersItsProbesAndScrapesAndStopsCleanlyOnSigterm() throws Exception {
        DbConfig db = SharedTestInfra.freshDatabase("lone_service");
        int management = Ports.freePort();
        Path log = Files.createDirectories(Path.of("target", "child-logs")).resolve("lone-inventory.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "dev.oms.app.Oms", "service", "inventory", "--management-port", String.valueOf(management))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("OMS_INVENTORY_DB_URL", db.jdbcUrl());
        builder.environment().put("OMS_DB_USER", db.user());
        builder.environment().put("OMS_DB_PASSWORD", db.password());
        builder.environment().put("OMS_KAFKA_BOOTSTRAP", SharedTestInfra.kafkaBootstrap());
        Process service = builder.start();
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
                assertThat(service.isAlive()).as("oms service is running; see " + log).isTrue();
                return Files.readString(log).contains("oms: service inventory ready");
            });

            assertThat(get(management, "/actuator/health/liveness").body()).contains("\"UP\"");
            HttpResponse<String> readiness = get(management, "/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(200);
            JsonNode components = JsonMapper.builder().build().readTree(readiness.body()).get("components");
            assertThat(components.properties()).extracting(java.util.Map.Entry::getKey)
                    .containsExactly("postgres", "kafka", "outbox");
            assertThat(components).allSatisfy(c -> assertThat(c.get("status").asText()).isEqualTo("UP"));
            assertThat(get(management, "/actuator/prometheus").body()).contains("jvm_memory_used_bytes");

            service.destroy(); // SIGTERM
            assertThat(service.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute").isTrue();
            assertThat(Files.readString(log)).doesNotContain("error while stopping");
        } finally {
            service.destroyForcibly();
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
