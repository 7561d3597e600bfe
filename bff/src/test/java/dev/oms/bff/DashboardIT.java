package dev.oms.bff;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The dashboard and the Prometheus scrape are open, and the scrape carries what the cores record globally. */
@GraphQlApiTest
class DashboardIT {
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void servesTheDashboardPageItsScriptAndItsDataWithoutAToken() throws Exception {
        assertThat(get("/dashboard").body()).contains("<svg id=\"chart-legs\"", "/dashboard/dashboard.js");
        assertThat(get("/dashboard/dashboard.js").body()).contains("/dashboard/data");
        assertThat(get("/dashboard/data").body()).contains("\"legs\"", "\"reserve_stock\"", "\"p99Seconds\"");
    }

    @Test
    void prometheusScrapeIsOpenAndCarriesMetersOfTheGlobalRegistry() throws Exception {
        Timer.builder("oms.saga.step").tags("saga", "DashboardIT", "step", "probe", "outcome", "succeeded")
                .register(Metrics.globalRegistry).record(Duration.ofMillis(5));

        String scrape = get("/actuator/prometheus").body();

        assertThat(scrape).contains("oms_saga_step_seconds_count{", "saga=\"DashboardIT\"");
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response;
    }
}
