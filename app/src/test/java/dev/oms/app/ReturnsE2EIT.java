package dev.oms.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.oms.app.invariants.InvariantChecker;
import dev.oms.app.platform.Platform;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Returns through GraphQL, end to end: a customer returns part of a delivered order, an operator receives the parcel
 * and judges each unit; restockable units are back on sale in the warehouse they left from, every unit received is
 * refunded at the price paid, the rest of the payment stays taken, and the invariants hold.
 */
class ReturnsE2EIT {
    private static final String REQUEST = """
            mutation($o: ID!, $l: [ReturnLineInput!]!, $r: String!, $k: String!) {
              orderReturnRequest(orderId: $o, lines: $l, reason: $r, idempotencyKey: $k) {
                returnId status userErrors { field message code } } }""";
    private static final String RECEIVE = """
            mutation($id: ID!, $u: [ReturnUnitsInput!]!) { returnReceive(returnId: $id, units: $u) {
              returnId status userErrors { field message code } } }""";
    private static final String WITHDRAW = """
            mutation($id: ID!) { returnWithdraw(returnId: $id) { returnId status userErrors { field message code } } }""";
    private static final String RETURN = """
            query($id: ID!) { return(id: $id) { id orderId status reason note refund { amount currency }
              lines { sku quantity unitPrice { amount currency } restockable damaged } } }""";
    private static final String ORDER = """
            query($id: ID!) { order(id: $id) { status total { amount } payment { status }
              returns { id status refund { amount } } } }""";

    private static final String RETURN_PREVIEW = """
            query($o: ID!, $l: [ReturnLineInput!]!) { orderReturnPreview(orderId: $o, lines: $l) {
              allowed steps { name kind } refund { amount } stock { sku delta } userErrors { code } }
              orderCancelPreview(orderId: $o) { allowed userErrors { code } } }""";

    private static Platform platform;
    private static HikariDataSource checkerData;
    private static Shop customer;
    private static Shop ops;

    /** The JVM's shared platform (its parcels arrive in a moment); one platform per broker, as consumer groups are. */
    @BeforeAll
    static void sharedPlatform() {
        platform = TestPlatform.shared();
        checkerData = TestPlatform.sharedDatabase().dataSource("returns-checker", null, 2);
        ops = TestPlatform.shopOn(platform).asOps();
        customer = ops.asCustomer("rita");
        await().atMost(Duration.ofSeconds(30)).until(() -> ops.available("SKU-0015") > 0);
    }

    @AfterAll
    static void stop() {
        if (checkerData != null) {
            checkerData.close();
        }
    }

    @Test
    void oneOfThreeUnitsReturnedIsRestockedAndExactlyThatLineRefunded() {
        String orderId = deliveredOrder("SKU-0015", 3);
        long unitPrice = customer.order(orderId).get("total").get("amount").asLong() / 3;
        long availableBefore = ops.available("SKU-0015");
        JsonNode metricsBefore = metrics();

        JsonNode preview = customer.graphql().data(RETURN_PREVIEW, Map.of("o", orderId,
                "l", List.of(Map.of("sku", "SKU-0015", "quantity", 1))));
        JsonNode plan = preview.get("orderReturnPreview");
        assertThat(plan.get("allowed").asBoolean()).isTrue();
        assertThat(plan.get("refund").get("amount").asLong()).isEqualTo(unitPrice);
        assertThat(plan.get("steps").findValuesAsString("name"))
                .containsExactly("receive_goods", "record_receipt", "restock_units", "refund_lines", "mark_refunded");
        assertThat(plan.get("stock").get(0).get("delta").asInt()).isEqualTo(1);
        assertThat(preview.get("orderCancelPreview").get("userErrors").get(0).get("code").asText())
                .isEqualTo("ORDER_ALREADY_SHIPPED");
        assertThat(customer.graphql().data(ORDER, Map.of("id", orderId)).get("order").get("returns"))
                .as("a preview changes nothing").isEmpty();

        JsonNode requested = request(orderId, "SKU-0015", 1, "NO_LONGER_NEEDED");
        assertThat(requested.get("userErrors")).isEmpty();
        assertThat(requested.get("status").asText()).isEqualTo("REQUESTED");
        String returnId = requested.get("returnId").asText();

        JsonNode received = receive(returnId, "SKU-0015", 1, 0);
        assertThat(received.get("userErrors")).isEmpty();
        assertThat(received.get("status").asText()).isEqualTo("RECEIVED");

        JsonNode done = awaitReturn(returnId, "REFUNDED");
        assertThat(done.get("refund").get("amount").asLong()).isEqualTo(unitPrice);
        assertThat(done.get("lines").get(0).get("restockable").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> ops.available("SKU-0015") == availableBefore + 1);
        JsonNode order = await().atMost(Duration.ofSeconds(10)).until(() -> customer.graphql()
                .data(ORDER, Map.of("id", orderId)).get("order"), o -> o.get("payment").get("status").asText()
                .equals("PARTIALLY_REFUNDED"));
        assertThat(order.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(order.get("returns")).hasSize(1);
        await("the dashboard's metrics count the return and the refund").atMost(Duration.ofSeconds(10))
                .until(ReturnsE2EIT::metrics, now -> Map.of("returnsRequested", 1, "returnsRefunded", 1, "ordersRefunded", 1)
                        .entrySet().stream().allMatch(grown -> now.get(grown.getKey()).asLong()
                                >= metricsBefore.get(grown.getKey()).asLong() + grown.getValue()));
        assertInvariantsHold();
    }

    private static JsonNode metrics() {
        return ops.graphql().data("{ metrics { returnsRequested returnsRefunded ordersRefunded } }", Map.of())
                .get("metrics");
    }

    @Test
    void aDamagedUnitIsRefundedButNotRestocked() {
        String orderId = deliveredOrder("SKU-0016", 2);
        long unitPrice = customer.order(orderId).get("total").get("amount").asLong() / 2;
        long availableBefore = ops.available("SKU-0016");
        String returnId = request(orderId, "SKU-0016", 2, "DAMAGED").get("returnId").asText();

        assertThat(receive(returnId, "SKU-0016", 1, 1).get("userErrors")).isEmpty();

        JsonNode done = awaitReturn(returnId, "REFUNDED");
        assertThat(done.get("refund").get("amount").asLong()).isEqualTo(2 * unitPrice);
        assertThat(done.get("lines").get(0).get("damaged").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> ops.available("SKU-0016") == availableBefore + 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> customer.order(orderId).get("payment").get("status").asText()
                .equals("REFUNDED"));
        assertInvariantsHold();
    }

    @Test
    void aWithdrawnReturnIsCancelledAndCannotBeReceived() {
        String orderId = deliveredOrder("SKU-0017", 1);
        String returnId = request(orderId, "SKU-0017", 1, "OTHER").get("returnId").asText();

        assertThat(withdraw(returnId).get("userErrors")).isEmpty();

        JsonNode cancelled = awaitReturn(returnId, "CANCELLED");
        assertThat(cancelled.get("note").asText()).contains("withdrawn");
        assertThat(receive(returnId, "SKU-0017", 1, 0).get("userErrors").get(0).get("code").asText())
                .isEqualTo("RETURN_NOT_EXPECTED");
        assertThat(customer.order(orderId).get("payment").get("status").asText()).isEqualTo("CAPTURED");
        assertThat(request(orderId, "SKU-0017", 1, "OTHER").get("userErrors")).as("returnable again").isEmpty();
    }

    @Test
    void badRequestsAreRefusedWithTypedErrorsAndChangeNothing() {
        String orderId = deliveredOrder("SKU-0018", 2);
        assertThat(code(request(orderId, "SKU-0018", 3, "OTHER"))).isEqualTo("INVALID_INPUT");
        assertThat(code(request(orderId, "SKU-0001", 1, "OTHER"))).isEqualTo("INVALID_INPUT");
        assertThat(code(request(orderId, "SKU-0018", 1, "BORED"))).isEqualTo("INVALID_INPUT");
        assertThat(code(ops.asCustomer("mallory").graphql().data(REQUEST, Map.of("o", orderId,
                "l", List.of(Map.of("sku", "SKU-0018", "quantity", 1)), "r", "OTHER", "k", UUID.randomUUID().toString()))
                .get("orderReturnRequest"))).isEqualTo("ORDER_NOT_FOUND");
        String notDelivered = customer.placeOrder("SKU-0018", 1, "sandbox_decline");
        customer.awaitSagaEnd(notDelivered);
        assertThat(code(request(notDelivered, "SKU-0018", 1, "OTHER"))).isEqualTo("RETURN_NOT_ALLOWED");

        String key = UUID.randomUUID().toString();
        JsonNode first = request(orderId, "SKU-0018", 2, "WRONG_ITEM", key);
        JsonNode again = request(orderId, "SKU-0018", 2, "WRONG_ITEM", key);
        assertThat(again.get("returnId").asText()).isEqualTo(first.get("returnId").asText());
        assertThat(code(request(orderId, "SKU-0018", 1, "OTHER"))).as("nothing left to return").isEqualTo("INVALID_INPUT");
        String returnId = first.get("returnId").asText();
        assertThat(code(receive(returnId, "SKU-0018", 2, 1))).isEqualTo("INVALID_INPUT");
        JsonNode byCustomer = customer.graphql().execute(RECEIVE, Map.of("id", returnId,
                "u", List.of(Map.of("sku", "SKU-0018", "restockable", 1, "damaged", 0))));
        assertThat(byCustomer.get("errors")).as("customers do not receive parcels").isNotEmpty();
        assertThat(byCustomer.get("errors").get(0).get("extensions").get("classification").asText())
                .isEqualTo("FORBIDDEN");
        assertThat(awaitReturn(returnId, "REQUESTED").get("lines").get(0).get("restockable").asInt()).isZero();
    }

    private static String deliveredOrder(String sku, int quantity) {
        String orderId = customer.placeOrder(sku, quantity, "sandbox_ok");
        customer.awaitStatus(orderId, "DELIVERED");
        return orderId;
    }

    private static JsonNode request(String orderId, String sku, int quantity, String reason) {
        return request(orderId, sku, quantity, reason, UUID.randomUUID().toString());
    }

    private static JsonNode request(String orderId, String sku, int quantity, String reason, String key) {
        return customer.graphql().data(REQUEST, Map.of("o", orderId, "l", List.of(Map.of("sku", sku, "quantity", quantity)),
                "r", reason, "k", key)).get("orderReturnRequest");
    }

    /**
     * The operator's receipt, once the warehouse knows the return: ExpectReturn reaches it asynchronously, and until then
     * it answers RETURN_NOT_FOUND (a parcel takes days, so only a test meets that).
     */
    private static JsonNode receive(String returnId, String sku, int restockable, int damaged) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> ops.graphql().data(RECEIVE, Map.of("id", returnId, "u",
                                List.of(Map.of("sku", sku, "restockable", restockable, "damaged", damaged))))
                        .get("returnReceive"), answer -> !"RETURN_NOT_FOUND".equals(code(answer)));
    }

    private static JsonNode withdraw(String returnId) {
        return customer.graphql().data(WITHDRAW, Map.of("id", returnId)).get("returnWithdraw");
    }

    private static JsonNode awaitReturn(String returnId, String status) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> customer.graphql().data(RETURN, Map.of("id", returnId)).get("return"),
                        r -> r != null && !r.isNull() && r.get("status").asText().equals(status));
    }

    private static String code(JsonNode payload) {
        JsonNode errors = payload.get("userErrors");
        return errors == null || errors.isEmpty() ? null : errors.get(0).get("code").asText();
    }

    private static void assertInvariantsHold() {
        InvariantChecker checker = new InvariantChecker(checkerData);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(checker::quiescent);
        assertThat(checker.checkQuiescent()).isEmpty();
    }
}
