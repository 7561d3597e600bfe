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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The BFF in a process of its own ({@code oms service bff}) with the cart service in another: a cart is created
 * through GraphQL; with the cart process killed, the same mutation answers SERVICE_UNAVAILABLE within its deadline
 * instead of hanging; with the cart service back, it succeeds again.
 */
class BffProcessIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String CREATE = "{\"query\":\"mutation { cartCreate(input: {customerId: \\\"ada\\\", currency: "
            + "\\\"EUR\\\"}) { cart { id customerId } userErrors { code } } }\"}";
    private final DbConfig db = SharedTestInfra.freshDatabase("bff_process");
    private final int commandPort = Ports.freePort();
    private final int httpPort = Ports.freePort();
    private final List<OmsProcess> processes = new ArrayList<>();

    @AfterEach
    void stop() {
        processes.forEach(OmsProcess::close);
    }

    @Test
    void killingTheCartProcessGivesServiceUnavailableWithinTheDeadlineAndTheSameRequestSucceedsOnceItIsBack()
            throws Exception {
        OmsProcess cart = start("cart", "first", Map.of(), "--command-port", String.valueOf(commandPort));
        start("bff", "bff", Map.of("OMS_HTTP_PORT", String.valueOf(httpPort), "OMS_COMMAND_DEADLINE", "1s",
                "OMS_CART_URL", "http://127.0.0.1:" + commandPort, "OMS_ORDER_URL", "http://127.0.0.1:9",
                "OMS_INVENTORY_URL", "http://127.0.0.1:9"));
        String token = TestTokens.customer("ada");

        assertThat(createCart(token)).contains("\"customerId\":\"ada\"").doesNotContain("errors");

        cart.kill();
        long started = System.nanoTime();
        String refused = createCart(token);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(refused).contains("\"code\":\"SERVICE_UNAVAILABLE\"");
        assertThat(took).isLessThan(Duration.ofSeconds(5));

        start("cart", "second", Map.of(), "--command-port", String.valueOf(commandPort));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> createCart(token).contains("\"customerId\":\"ada\""));
        System.out.println("bff process: cart killed -> SERVICE_UNAVAILABLE after " + took.toMillis()
                + " ms; cart restarted -> cartCreate succeeds again");
    }

    private String createCart(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/graphql"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(CREATE)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private OmsProcess start(String service, String run, Map<String, String> env, String... options) {
        OmsProcess process = OmsProcess.service(service, "bff-process-" + run, db, SharedTestInfra.kafkaBootstrap(), env,
                options);
        processes.add(process);
        return process;
    }
}
