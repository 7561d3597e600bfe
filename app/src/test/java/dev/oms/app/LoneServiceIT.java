package dev.oms.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oms.infra.Ports;
import dev.oms.infra.SharedTestInfra;
import java.net.URI;
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
 * liveness and readiness probes (PostgreSQL, broker, outbox) and a Prometheus scrape, and SIGTERM stops it cleanly.
 */
class LoneServiceIT {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aLoneServiceAnswersItsProbesAndScrapesAndStopsCleanlyOnSigterm() throws Exception {
        int management = Ports.freePort();
        try (OmsProcess service = OmsProcess.service("inventory", "lone-inventory",
                SharedTestInfra.freshDatabase("lone_service"), SharedTestInfra.kafkaBootstrap(), Map.of(),
                "--management-port", String.valueOf(management))) {
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

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
