package dev.oms.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oms.app.platform.Platform;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** `oms bench` against the test platform with a few orders, so that the bench cannot rot; it asserts no timings. */
class BenchSmokeIT {
    private static final int ORDERS = 30;
    private static final List<String> STEPS = List.of("reserve_stock", "authorize_payment", "confirm_order",
            "create_shipment", "capture_payment", "commit_stock", "notify_customer");

    @TempDir
    Path dir;

    @Test
    void benchesCheckoutsThroughGraphQlAndReportsEveryFigure() {
        JsonNode report = bench("graphql.json");

        assertThat(report.get("mode").asString()).isEqualTo("graphql");
        assertComplete(report);
    }

    @Test
    void benchesSagasStartedStraightAtTheOrderService() {
        JsonNode report = bench("direct.json", "--direct");

        assertThat(report.get("mode").asString()).isEqualTo("direct");
        assertComplete(report);
    }

    private static void assertComplete(JsonNode report) {
        JsonNode sagas = report.get("sagas");
        assertThat(sagas.get("started").asInt()).isEqualTo(ORDERS);
        assertThat(sagas.get("completed").asInt() + sagas.get("compensated").asInt()).isEqualTo(ORDERS);
        assertThat(sagas.get("unexpected").asInt()).as("orders that ended otherwise than their kind says").isZero();
        assertThat(report.get("errors").isEmpty()).as("errors %s", report.get("errors")).isTrue();
        assertThat(report.get("sagasPerSecond").asDouble()).isPositive();
        assertThat(report.get("clientCheckoutLatency").get("count").asInt()).isEqualTo(ORDERS);
        assertThat(report.get("serverCheckoutToCompletedLatency").get("count").asInt())
                .isEqualTo(sagas.get("completed").asInt());
        assertThat(report.get("stepLatency").valueStream().map(step -> step.get("step").asString()).toList())
                .isEqualTo(STEPS);
        assertThat(report.get("postgresCommitsPerSaga").asDouble()).isPositive();
        assertThat(report.get("cpu").get("jvmSeconds").isNumber()).isTrue();
        assertThat(report.get("memory").get("jvmPeakRssMiB").isNumber()).isTrue();
        assertThat(report.get("environment").get("postgres").get("synchronous_commit").asString()).isNotBlank();
        assertThat(report.get("invariants").get("ok").asBoolean()).as("%s", report.get("invariants")).isTrue();
    }

    private JsonNode bench(String jsonName, String... extra) {
        Platform platform = TestPlatform.shared();
        Path json = dir.resolve(jsonName);
        List<String> args = new ArrayList<>(List.of("bench", "--target", platform.graphqlUrl(),
                "--db-url", platform.db().jdbcUrl(), "--kafka-bootstrap", platform.kafkaBootstrap(),
                "--orders", String.valueOf(ORDERS), "--warmup", "0", "--concurrency", "8", "--stats-settle", "0s",
                "--json", json.toString()));
        args.addAll(List.of(extra));
        StringWriter table = new StringWriter();
        int exit = new CommandLine(new Oms()).setOut(new PrintWriter(table)).execute(args.toArray(String[]::new));

        assertThat(exit).as("oms bench printed:%n%s", table).isZero();
        assertThat(table.toString()).contains("sagas/s", "invariants", "OK");
        return JsonMapper.builder().build().readTree(json.toFile());
    }
}
