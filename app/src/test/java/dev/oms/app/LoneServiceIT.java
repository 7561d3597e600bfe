package dev.oms.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.oms.infra.DbConfig;
import dev.oms.infra.Ports;
import dev.oms.infra.SharedTestInfra;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service run alone ({@code oms service inventory}, its own process) is operable: its management port answers the
 * liveness and readiness probes (PostgreSQL, broker, outbox) and a Prometheus scrape, its command port announces its
 * blue/green release route, and SIGTERM stops it cleanly.
 */
class LoneServiceIT {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aLoneServiceAnswersItsProbesAndScrapesAndStopsCleanlyOnSigterm() throws Exception {
        int management = Ports.freePort();
        int commands = Ports.freePort();
        DbConfig db = SharedTestInfra.freshDatabase("lone_service");
        try (OmsProcess service = OmsProcess.service("inventory", "lone-inventory", db, SharedTestInfra.kafkaBootstrap(),
                Map.of(), "--management-port", String.valueOf(management), "--command-port", String.valueOf(commands))) {
            theCommandPortAnnouncesTheReleaseRouteInTheServicesSchema(commands, db);
            assertThat(get(management, "/actuator/health/liveness").body()).contains("\"UP\"");
            HttpResponse<String> readiness = get(management, "/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(200);
            JsonNode components = JsonMapper.builder().build().readTree(readiness.body()).get("components");
            assertThat(components.properties()).extracting(Map.Entry::getKey)
                    .containsExactly("postgres", "kafka", "outbox");
            assertThat(components).allSatisfy(c -> assertThat(c.get("status").asText()).isEqualTo("UP"));
            assertThat(get(management, "/actuator/prometheus").body()).contains("jvm_memory_used_bytes");

            service.stop();

            assertThat(service.alive()).as("stopped on SIGTERM").isFalse();
            assertThat(service.log()).doesNotContain("error while stopping");
        }
    }

    /** What the BFF splits its calls by during a blue/green release (docs/multi-region.md). */
    private void theCommandPortAnnouncesTheReleaseRouteInTheServicesSchema(int port, DbConfig db) throws Exception {
        assertThat(adjust(port).headers().firstValue("Oms-Release-Route")).contains("0 0");
        try (HikariDataSource pool = db.dataSource("lone-release", "inventory", 1); Connection c = pool.getConnection();
             PreparedStatement route = c.prepareStatement("INSERT INTO release_route (green_percent, version, state)"
                     + " VALUES (25, 1, 'SHIFTING')")) {
            route.executeUpdate();
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(adjust(port).headers().firstValue("Oms-Release-Route")).contains("25 1"));
    }

    private HttpResponse<String> adjust(int port) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/commands/InventoryCommands/adjust"))
                .POST(HttpRequest.BodyPublishers.ofString("[\"SKU-LONE\", \"WH-EAST\", 1, \"count\"]"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer;
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
