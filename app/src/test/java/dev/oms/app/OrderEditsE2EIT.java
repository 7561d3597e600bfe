package dev.oms.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.oms.app.invariants.InvariantChecker;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Order edits through GraphQL, on a platform whose parcels wait for the warehouse floor: a customer previews an edit
 * (nothing changes), then edits a placed order. A higher total is authorized on top and captured, the extra units are
 * taken from stock and put in the parcel; a lower total's difference is refunded and the units go back on hand. An
 * edit that cannot be done (too few units, the difference declined) is undone whole, and a cancellation after a higher
 * edit gives back everything.
 */
class OrderEditsE2EIT {
    private static final String EDIT = """
            mutation($o: ID!, $l: [EditLineInput!]!, $k: String!) { orderEdit(orderId: $o, lines: $l, idempotencyKey: $k) {
              editId status previousTotal { amount } newTotal { amount } failure userErrors { field message code } } }""";
    private static final String PREVIEW = """
            query($o: ID!, $l: [EditLineInput!]!) { orderEditPreview(orderId: $o, lines: $l) {
              allowed steps { name kind } refund { amount } charge { amount } newTotal { amount } stock { sku delta }
              userErrors { code message } } }""";
    private static final String ORDER = """
            query($id: ID!) { order(id: $id) { status total { amount } lines { sku quantity } payment { status }
              shipments { id status } } }""";
    private static final String SHIP = """
            mutation($id: ID!) { shipmentShip(shipmentId: $id) { status userErrors { code } } }""";
    private static final String CANCEL = """
            mutation($id: ID!, $k: String) { orderCancel(orderId: $id, reason: "changed my mind", idempotencyKey: $k) {
              status userErrors { field message code } } }""";

    private static WaitingFloor floor;
    private static HikariDataSource data;
    private static Shop customer;
    private static Shop ops;

    @BeforeAll
    static void platformWhoseParcelsWaitForTheFloor() {
        floor = WaitingFloor.start("edits");
        data = floor.data;
        ops = floor.ops();
        customer = ops.asCustomer("edith");
        await().atMost(Duration.ofSeconds(30)).until(() -> ops.available("SKU-0002") > 0);
    }

    @AfterAll
    static void stop() {
        if (floor != null) {
            floor.close();
        }
    }

    @Test
    void aHigherTotalIsAuthorizedOnTopCapturedAndTheUnitsPacked() throws Exception {
        String orderId = placed(Map.of("SKU-0001", 1));
        long p1 = price("SKU-0001");
        long p2 = price("SKU-0002");
        long available1 = ops.available("SKU-0001");
        long available2 = ops.available("SKU-0002");
        List<Map<String, Object>> lines = List.of(line("SKU-0001", 3), line("SKU-0002", 1));

        JsonNode plan = customer.graphql().data(PREVIEW, Map.of("o", orderId, "l", lines)).get("orderEditPreview");
        assertThat(plan.get("allowed").asBoolean()).isTrue();
        assertThat(plan.get("charge").get("amount").asLong()).isEqualTo(2 * p1 + p2);
        assertThat(plan.get("newTotal").get("amount").asLong()).isEqualTo(3 * p1 + p2);
        assertThat(plan.get("steps").findValuesAsString("name")).containsExactly("adjust_stock",
                "authorize_difference", "revise_shipment", "settle_difference", "apply_edit");
        assertThat(plan.get("stock").findValuesAsString("sku")).containsExactly("SKU-0001", "SKU-0002");
        assertThat(plan.get("stock").findValues("delta").stream().map(JsonNode::asInt).toList()).containsExactly(-2, -1);
        assertThat(customer.order(orderId).get("total").get("amount").asLong()).as("a preview changes nothing")
                .isEqualTo(p1);

        String key = UUID.randomUUID().toString();
        JsonNode edit = edit(orderId, lines, key);
        assertThat(edit.get("userErrors")).isEmpty();
        assertThat(edit.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(edit.get("newTotal").get("amount").asLong()).isEqualTo(3 * p1 + p2);

        JsonNode order = awaitTotal(orderId, 3 * p1 + p2);
        assertThat(quantities(order)).isEqualTo(Map.of("SKU-0001", 3, "SKU-0002", 1));
        assertThat(edit(orderId, lines, key).get("status").asText()).as("the same key: how it stands").isEqualTo("APPLIED");
        assertThat(booked(orderId, "AUTHORIZE")).as("a second authorization, for the difference").hasSize(2);
        assertThat(sum(booked(orderId, "CAPTURE"))).isEqualTo(3 * p1 + p2);
        assertThat(ops.available("SKU-0001")).isEqualTo(available1 - 2);
        assertThat(ops.available("SKU-0002")).isEqualTo(available2 - 1);
        assertThat(parcelled(orderId)).isEqualTo(Map.of("SKU-0001", 3, "SKU-0002", 1));
        assertInvariantsHold();

        JsonNode cancel = customer.graphql().data(CANCEL, Map.of("id", orderId, "k", UUID.randomUUID().toString()))
                .get("orderCancel");
        assertThat(cancel.get("userErrors")).isEmpty();
        customer.awaitStatus(orderId, "CANCELLED");
        assertThat(sum(booked(orderId, "REFUND"))).as("both authorizations refunded").isEqualTo(3 * p1 + p2);
        await("all three units back, the one bought first too").atMost(Duration.ofSeconds(10))
                .until(() -> ops.available("SKU-0001") == available1 + 1 && ops.available("SKU-0002") == available2);
        assertInvariantsHold();
    }

    @Test
    void aLowerTotalRefundsTheDifferenceAndPutsTheUnitsBack() throws Exception {
        String orderId = placed(Map.of("SKU-0003", 3, "SKU-0004", 1));
        long p3 = price("SKU-0003");
        long p4 = price("SKU-0004");
        long available3 = ops.available("SKU-0003");
        long available4 = ops.available("SKU-0004");
        List<Map<String, Object>> lines = List.of(line("SKU-0003", 1), line("SKU-0004", 0));

        JsonNode plan = customer.graphql().data(PREVIEW, Map.of("o", orderId, "l", lines)).get("orderEditPreview");
        assertThat(plan.get("refund").get("amount").asLong()).isEqualTo(2 * p3 + p4);
        assertThat(plan.get("charge").get("amount").asLong()).isZero();

        assertThat(edit(orderId, lines, UUID.randomUUID().toString()).get("userErrors")).isEmpty();

        JsonNode order = awaitTotal(orderId, p3);
        assertThat(quantities(order)).isEqualTo(Map.of("SKU-0003", 1));
        await().atMost(Duration.ofSeconds(10)).until(() -> customer.order(orderId).get("payment").get("status")
                .asText().equals("PARTIALLY_REFUNDED"));
        assertThat(sum(booked(orderId, "REFUND"))).isEqualTo(2 * p3 + p4);
        assertThat(booked(orderId, "AUTHORIZE")).as("nothing more authorized").hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> ops.available("SKU-0003") == available3 + 2
                && ops.available("SKU-0004") == available4 + 1);
        assertThat(parcelled(orderId)).isEqualTo(Map.of("SKU-0003", 1));
        assertInvariantsHold();
    }

    @Test
    void aDeclinedDifferenceGivesTheTakenUnitsBackAndLeavesTheOrderAsItWas() throws Exception {
        String orderId = placed(Map.of("SKU-0006", 1), "sandbox_single_use");
        long total = customer.order(orderId).get("total").get("amount").asLong();
        long available = ops.available("SKU-0006");
        String key = UUID.randomUUID().toString();
        List<Map<String, Object>> lines = List.of(line("SKU-0006", 3));

        assertThat(edit(orderId, lines, key).get("userErrors")).isEmpty();

        JsonNode answer = await().atMost(Duration.ofSeconds(30)).until(() -> edit(orderId, lines, key),
                a -> "FAILED".equals(a.get("status").asText()));
        assertThat(answer.get("failure").asText()).contains("card_not_reusable");
        await().atMost(Duration.ofSeconds(10)).until(() -> ops.available("SKU-0006") == available);
        assertThat(quantities(customer.graphql().data(ORDER, Map.of("id", orderId)).get("order")))
                .isEqualTo(Map.of("SKU-0006", 1));
        assertThat(customer.order(orderId).get("total").get("amount").asLong()).isEqualTo(total);
        assertThat(sum(booked(orderId, "CAPTURE"))).isEqualTo(total);
        assertThat(parcelled(orderId)).isEqualTo(Map.of("SKU-0006", 1));
        assertInvariantsHold();
    }

    @Test
    void anEditThatCannotBeDoneIsUndoneWholeAndRefusalsAreTyped() throws Exception {
        String orderId = placed(Map.of("SKU-0005", 1));
        long total = customer.order(orderId).get("total").get("amount").asLong();
        long available = ops.available("SKU-0005");

        String key = UUID.randomUUID().toString();
        List<Map<String, Object>> tooMany = List.of(line("SKU-LIMITED", (int) ops.available("SKU-LIMITED") + 1));
        assertThat(edit(orderId, tooMany, key).get("userErrors")).as("accepted: the warehouse's stock decides").isEmpty();
        JsonNode answer = await().atMost(Duration.ofSeconds(30)).until(() -> edit(orderId, tooMany, key),
                a -> "FAILED".equals(a.get("status").asText()));
        assertThat(answer.get("failure").asText()).contains("stock unavailable");
        assertThat(customer.order(orderId).get("total").get("amount").asLong()).isEqualTo(total);
        assertThat(ops.available("SKU-0005")).isEqualTo(available);

        assertThat(code(edit(orderId, List.of(line("SKU-0005", 0)), UUID.randomUUID().toString())))
                .as("nothing left: that is a cancellation").isEqualTo("INVALID_INPUT");
        assertThat(code(edit(orderId, List.of(line("NO-SUCH-SKU", 1)), UUID.randomUUID().toString())))
                .isEqualTo("INVALID_INPUT");
        assertThat(code(ops.asCustomer("mallory").graphql().data(EDIT, Map.of("o", orderId,
                "l", List.of(line("SKU-0005", 2)), "k", UUID.randomUUID().toString())).get("orderEdit")))
                .as("another customer's order is unknown").isEqualTo("ORDER_NOT_FOUND");

        String shipment = customer.order(orderId).get("shipments").get(0).get("id").asText();
        assertThat(ops.graphql().data(SHIP, Map.of("id", shipment)).get("shipmentShip").get("status").asText())
                .isEqualTo("SHIPPED");
        customer.awaitStatus(orderId, "SHIPPED");
        assertThat(code(edit(orderId, List.of(line("SKU-0005", 2)), UUID.randomUUID().toString())))
                .isEqualTo("ORDER_ALREADY_SHIPPED");
        assertInvariantsHold();
    }

    private static String placed(Map<String, Integer> lines) {
        return placed(lines, "sandbox_ok");
    }

    private static String placed(Map<String, Integer> lines, String paymentToken) {
        String cart = customer.newCart(customer.customer());
        new TreeMap<>(lines).forEach((sku, quantity) ->
                assertThat(customer.addLine(cart, sku, quantity).get("userErrors")).isEmpty());
        JsonNode placed = customer.checkout(cart, paymentToken, UUID.randomUUID().toString());
        assertThat(placed.get("userErrors")).isEmpty();
        String orderId = placed.get("order").get("id").asText();
        customer.awaitSagaEnd(orderId);
        customer.awaitStatus(orderId, "FULFILLING");
        return orderId;
    }

    private static Map<String, Object> line(String sku, int quantity) {
        return Map.of("sku", sku, "quantity", quantity);
    }

    private static JsonNode edit(String orderId, List<Map<String, Object>> lines, String key) {
        return customer.graphql().data(EDIT, Map.of("o", orderId, "l", lines, "k", key)).get("orderEdit");
    }

    private static String code(JsonNode payload) {
        return payload.get("userErrors").get(0).get("code").asText();
    }

    private static JsonNode awaitTotal(String orderId, long total) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> customer.graphql().data(ORDER, Map.of("id", orderId)).get("order"),
                        o -> o.get("total").get("amount").asLong() == total);
    }

    private static Map<String, Integer> quantities(JsonNode order) {
        Map<String, Integer> lines = new TreeMap<>();
        order.get("lines").forEach(l -> lines.put(l.get("sku").asText(), l.get("quantity").asInt()));
        return lines;
    }

    private static long price(String sku) {
        return ops.graphql().data("query($s: String!) { product(sku: $s) { price { amount } } }", Map.of("s", sku))
                .get("product").get("price").get("amount").asLong();
    }

    /** The provider's bookings of one operation for the order (approved or done), their amounts. */
    private static List<Long> booked(String orderId, String operation) throws Exception {
        return rows("""
                SELECT amount FROM payment_provider.ledger WHERE order_id = ? AND operation = ?
                  AND outcome NOT IN ('DECLINED', 'PENDING')""", row -> row.getLong(1), orderId, operation);
    }

    private static long sum(List<Long> amounts) {
        return amounts.stream().mapToLong(Long::longValue).sum();
    }

    /** Units per sku in the order's parcels that are not cancelled. */
    private static Map<String, Integer> parcelled(String orderId) throws Exception {
        Map<String, Integer> units = new TreeMap<>();
        rows("""
                SELECT l.sku, l.quantity FROM fulfillment.shipment s JOIN fulfillment.shipment_line l USING (shipment_id)
                WHERE s.order_id = ? AND s.status <> 'CANCELLED'""",
                row -> units.merge(row.getString(1), row.getInt(2), Integer::sum), orderId);
        return units;
    }

    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private static <T> List<T> rows(String sql, RowReader<T> reader, String... parameters) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (Connection c = data.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(reader.read(row));
                }
            }
        }
        return rows;
    }

    private static void assertInvariantsHold() {
        InvariantChecker checker = new InvariantChecker(data);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(checker::quiescent);
        assertThat(checker.checkQuiescent()).isEmpty();
    }
}
