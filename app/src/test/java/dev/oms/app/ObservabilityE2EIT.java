package dev.oms.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 6, after orders flow through the whole platform: the Prometheus scrape carries the saga SLIs and the
 * business meters with real values (those registered before the BFF started too), the health probes answer (with each
 * service's database, broker and outbox for an operator), and the dashboard renders its charts from real
 * numbers in headless Chromium (Debian's, driven by playwright-core), leaving a screenshot in target/.
 */
class ObservabilityE2EIT {
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Path PLAYWRIGHT = Path.of("../node_modules/playwright-core");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String base;

    @BeforeAll
    static void ordersFlow() {
        Shop shop = TestPlatform.shop();
        base = "http://127.0.0.1:" + TestPlatform.shared().httpPort();
        await().atMost(Duration.ofSeconds(30)).until(() -> shop.available("SKU-0001") > 0);
        List<String> orders = List.of(shop.placeOrder("SKU-0001", 1, "sandbox_ok"),
                shop.placeOrder("SKU-0001", 1, "sandbox_ok"), shop.placeOrder("SKU-0002", 1, "sandbox_decline"));
        orders.forEach(shop::awaitSagaEnd);
    }

    @Test
    void prometheusScrapeCarriesSagaSlisAndBusinessMetersWithRealValues() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            String scrape = get("/actuator/prometheus");
            assertThat(value(scrape, "oms_saga_step_seconds_count", "step=\"reserve_stock\"")).isPositive();
            assertThat(value(scrape, "oms_saga_step_seconds_bucket", "step=\"authorize_payment\"")).isPositive();
            assertThat(value(scrape, "oms_saga_total", "outcome=\"completed\"")).isPositive();
            assertThat(value(scrape, "oms_saga_total", "outcome=\"compensated\"")).isPositive();
            assertThat(value(scrape, "oms_orders", "status=\"placed\"")).isGreaterThanOrEqualTo(3);
            assertThat(value(scrape, "oms_orders", "status=\"rejected\"")).isPositive();
            assertThat(value(scrape, "oms_order_checkout_to_confirmed_seconds_count", "")).isPositive();
            assertThat(value(scrape, "oms_outbox_lag_seconds_count", "service=\"order\"")).isPositive();
            assertThat(value(scrape, "oms_provider_call_seconds_count", "operation=\"authorize\"")).isPositive();
            assertThat(value(scrape, "oms_message_handled_seconds_count", "consumer=\"projections\"")).isPositive();
            assertThat(value(scrape, "oms_outbox_backlog", "service=\"order\"")).as("registered at start").isNotNegative();
            assertThat(value(scrape, "oms_consumer_lag_records", "group=\"order\"")).isNotNegative();
        });
    }

    @Test
    void livenessAndReadinessProbesAnswerUp() throws Exception {
        assertThat(get("/actuator/health/liveness")).contains("\"UP\"");
        assertThat(get("/actuator/health/readiness")).contains("\"UP\"").doesNotContain("components");
    }

    @Test
    void readinessShowsOperatorsEachServicesDatabaseBrokerAndOutbox() throws Exception {
        JsonNode services = JsonMapper.builder().build().readTree(get("/actuator/health/readiness", TestTokens.ops()))
                .at("/components/services/components");

        assertThat(services.propertyNames()).contains("cart", "order", "inventory", "payment", "fulfillment",
                "notification", "projections");
        JsonNode order = services.get("order").get("components");
        assertThat(order.at("/postgres/status").asText()).isEqualTo("UP");
        assertThat(order.at("/kafka/status").asText()).isEqualTo("UP");
        assertThat(order.at("/outbox/status").asText()).isEqualTo("UP");
        assertThat(order.at("/outbox/details/maxAgeSeconds").asDouble()).isPositive();
        assertThat(get("/actuator/health/readiness", TestTokens.customer("alice"))).doesNotContain("components");
    }

    @Test
    void dashboardDataShowsEveryLegAgainstItsSlo() throws Exception {
        JsonNode data = JsonMapper.builder().build().readTree(get("/dashboard/data"));

        assertThat(data.get("orders").get("placed").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(data.get("legs")).extracting(leg -> leg.get("step").asText()).contains("reserve_stock",
                "authorize_payment", "capture_payment");
        JsonNode reserve = data.get("legs").get(0);
        assertThat(reserve.get("count").asLong()).isPositive();
        assertThat(reserve.get("latency").get("p99").asDouble()).isPositive();
        assertThat(data.get("sagaOutcomes").get("PlaceOrder").get("completed").asLong()).isPositive();
    }

    @Test
    void dashboardRendersItsChartsWithRealNumbersInHeadlessChromium() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "no chromium at " + CHROMIUM + " (apt-get install chromium)");
        assumeTrue(Files.isDirectory(PLAYWRIGHT), "no playwright-core in node_modules (npm ci at the root)");
        Path screenshot = Path.of("target/dashboard.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);

        Process node = new ProcessBuilder("node", "src/test/node/dashboard-check.mjs", base + "/dashboard",
                screenshot.toString()).redirectErrorStream(true).start();
        boolean ended = node.waitFor(90, TimeUnit.SECONDS);
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            node.destroyForcibly();
        }

        assertThat(ended).as("the browser check ended; output: %s", output).isTrue();
        assertThat(node.exitValue()).as("browser check output: %s", output).isZero();
        JsonNode seen = JsonMapper.builder().build().readTree(output.lines().reduce((a, b) -> b).orElse("{}"));
        assertThat(seen.get("errors")).isEmpty();
        assertThat(seen.get("successRate").asText()).endsWith("%");
        assertThat(Long.parseLong(seen.get("placed").asText())).isGreaterThanOrEqualTo(3);
        assertThat(seen.get("legBars").asInt()).isPositive();
        assertThat(seen.get("outcomeBars").asInt()).isPositive();
        assertThat(seen.get("latencyBars").asInt()).isPositive();
        assertThat(screenshot).isNotEmptyFile();
    }

    private static String get(String path) throws IOException, InterruptedException {
        return get(path, null);
    }

    private static String get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response.body();
    }

    /** The sum of a Prometheus sample's values over the series whose labels contain {@code labels}; -1 when none. */
    private static double value(String scrape, String name, String labels) {
        Matcher samples = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$").matcher(scrape);
        double sum = 0;
        boolean found = false;
        while (samples.find()) {
            String series = samples.group(1) == null ? "" : samples.group(1);
            if (series.contains(labels)) {
                sum += Double.parseDouble(samples.group(2));
                found = true;
            }
        }
        return found ? sum : -1;
    }
}
