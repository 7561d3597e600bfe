package dev.oms.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/** The BFF's permissions, tokens and limits on the running platform. */
class AccessE2EIT {
    private static Shop ops;

    @BeforeAll
    static void platform() {
        ops = TestPlatform.shop();
        await().atMost(Duration.ofSeconds(30)).until(() -> ops.available("SKU-0003") > 0);
    }

    @Test
    void aTokenFromOmsTokenWorksAgainstThePlatform() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new Oms()).setCaseInsensitiveEnumValuesAllowed(true).setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err)).execute("token", "--role", "customer", "--subject", "checks");
        assertThat(exit).as(err.toString()).isZero();
        List<String> lines = out.toString().lines().toList();

        Shop checks = new Shop(ops.graphql().withToken(lines.get(lines.size() - 1)));
        JsonNode cart = checks.graphql().data("mutation { cartCreate(input: {currency: \"EUR\"}) { cart { customerId } } }",
                Map.of());

        assertThat(cart.get("cartCreate").get("cart").get("customerId").asText()).isEqualTo("checks");
    }

    @Test
    void aCustomerSeesTheirOwnOrderAndAnotherGetsTheAnswerForAnUnknownOne() {
        Shop ann = TestPlatform.shopFor("ann-" + UUID.randomUUID());
        Shop ben = TestPlatform.shopFor("ben-" + UUID.randomUUID());
        String orderId = ann.placeOrder("SKU-0003", 1, "sandbox_ok");
        ann.awaitSagaEnd(orderId);

        String query = "query($id: ID!) { order(id: $id) { id status } }";
        JsonNode bensAnswer = ben.graphql().execute(query, Map.of("id", orderId));
        JsonNode unknownAnswer = ben.graphql().execute(query, Map.of("id", UUID.randomUUID().toString()));

        assertThat(ann.order(orderId).get("id").asText()).isEqualTo(orderId);
        assertThat(ops.order(orderId).get("id").asText()).isEqualTo(orderId);
        assertThat(bensAnswer).isEqualTo(unknownAnswer);
        assertThat(bensAnswer.toString()).isEqualTo("{\"data\":{\"order\":null}}");
        assertThat(ben.graphql().data("{ orders { totalCount } }", Map.of()).get("orders").get("totalCount").asInt())
                .isZero();
    }

    @Test
    void aCustomerListsTheirOrdersWithTheirTimelines() {
        Shop cid = TestPlatform.shopFor("cid-" + UUID.randomUUID());
        String first = cid.placeOrder("SKU-0003", 1, "sandbox_ok");
        String second = cid.placeOrder("SKU-0003", 1, "sandbox_decline");
        cid.awaitSagaEnd(first);
        cid.awaitSagaEnd(second);

        JsonNode orders = cid.graphql().data("""
                { orders(first: 10) { totalCount edges { node { id events { type producer occurredAt } } } } }""",
                Map.of()).get("orders");

        assertThat(orders.get("totalCount").asInt()).isEqualTo(2);
        assertThat(orders.get("edges").valueStream().map(e -> e.get("node").get("id").asText()))
                .containsExactly(second, first);
        assertThat(orders.get("edges").get(1).get("node").get("events").valueStream().map(e -> e.get("type").asText()))
                .contains("oms.cart.v1.CheckoutCompleted", "oms.order.v1.OrderPlaced", "oms.payment.v1.PaymentAuthorized");
    }

    @Test
    void anonymousCallersBrowseProductsButMustSignInForTheRest() {
        Shop anonymous = ops.anonymous();

        JsonNode products = anonymous.graphql().data("{ products(first: 2, query: \"SKU\") { totalCount } }", Map.of());
        JsonNode cart = anonymous.graphql().execute("mutation { cartCreate(input: {currency: \"EUR\"}) { cart { id } } }",
                Map.of());

        assertThat(products.get("products").get("totalCount").asInt()).isPositive();
        assertThat(cart.get("errors").get(0).get("extensions").get("code").asText()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void operatorsInspectSagasStockAndMetrics() {
        String orderId = ops.placeOrder("SKU-0003", 1, "sandbox_ok");
        String sagaId = ops.awaitSagaEnd(orderId).get("saga").get("id").asText();

        JsonNode data = ops.graphql().data("""
                query($saga: ID!) {
                  saga(id: $saga) { id status orderId steps { name status startedAt endedAt } }
                  sagas(first: 5, status: COMPLETED) { totalCount edges { node { id } } }
                  inventory(sku: "SKU-0003") { warehouse onHand reserved available }
                  metrics { ordersPlaced ordersConfirmed orderSuccessRate fulfillmentLatencyP50 }
                }""", Map.of("saga", sagaId));

        assertThat(data.get("saga").get("orderId").asText()).isEqualTo(orderId);
        assertThat(data.get("saga").get("steps").valueStream())
                .allSatisfy(step -> assertThat(step.get("endedAt").isNull()).isFalse());
        assertThat(data.get("sagas").get("totalCount").asInt()).isPositive();
        assertThat(data.get("inventory")).isNotEmpty();
        assertThat(data.get("metrics").get("ordersPlaced").asLong()).isPositive();
    }

    @Test
    void operatorsAdjustStockAndActOnSagasThroughTheServices() {
        JsonNode adjusted = ops.graphql().data("""
                mutation { inventoryAdjust(sku: "SKU-0003", warehouse: "WH-EAST", delta: 3, reason: "e2e count") {
                  stockLevel { onHand available } userErrors { field message code } } }""", Map.of());
        JsonNode retried = ops.graphql().data("""
                mutation { sagaRetry(id: "no-such-saga") { status userErrors { field message code } } }""", Map.of());

        assertThat(adjusted.get("inventoryAdjust").get("userErrors")).isEmpty();
        assertThat(adjusted.get("inventoryAdjust").get("stockLevel").get("onHand").asLong()).isPositive();
        assertThat(retried.get("sagaRetry").get("userErrors")).isNotEmpty();
    }

    @Test
    void aTwoMegabyteRequestIsRefusedAndThePlatformServesOn() {
        HttpResponse<String> response = ops.graphql().post("{\"query\":\"{ products { totalCount } }"
                + " ".repeat(2 * 1024 * 1024) + "\"}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("REQUEST_TOO_LARGE");
        assertThat(ops.available("SKU-0003")).isPositive();
    }
}
