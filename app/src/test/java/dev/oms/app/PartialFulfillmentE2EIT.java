package dev.oms.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.oms.app.invariants.InvariantChecker;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Partial fulfillment through GraphQL, on a platform whose parcels wait for the warehouse floor (they would take
 * minutes by themselves): an operator holds a shipment, releases it and ships part of it; the order is partly shipped;
 * the customer cancels the rest, which the warehouse has not sent: just those units go back on hand and just their
 * lines are refunded, and the order is SHIPPED with what left.
 */
class PartialFulfillmentE2EIT {
    private static final String HOLD = """
            mutation($id: ID!) { shipmentHold(shipmentId: $id, reason: "address check") {
              shipmentId status held userErrors { field message code } } }""";
    private static final String RELEASE = """
            mutation($id: ID!) { shipmentRelease(shipmentId: $id) { held userErrors { code } } }""";
    private static final String SHIP = """
            mutation($id: ID!, $u: [ShipmentUnitsInput!]) { shipmentShip(shipmentId: $id, units: $u) {
              shipmentId status shippedShipmentId userErrors { field message code } } }""";
    private static final String CANCEL = """
            mutation($id: ID!, $k: String) { orderCancel(orderId: $id, reason: "the rest is too late", idempotencyKey: $k) {
              status cancellation userErrors { field message code } } }""";

    private static WaitingFloor floor;
    private static HikariDataSource data;
    private static Shop customer;
    private static Shop ops;

    @BeforeAll
    static void platformWhoseParcelsWaitForTheFloor() {
        floor = WaitingFloor.start("partial");
        data = floor.data;
        ops = floor.ops();
        customer = ops.asCustomer("paula");
        await().atMost(Duration.ofSeconds(30)).until(() -> ops.available("SKU-0005") > 0);
    }

    @AfterAll
    static void stop() {
        if (floor != null) {
            floor.close();
        }
    }

    @Test
    void aPartShippedThenTheRestCancelledRefundsJustTheRest() throws Exception {
        String orderId = order(Map.of("SKU-0005", 2, "SKU-0006", 1));
        customer.awaitSagaEnd(orderId);
        JsonNode placed = customer.awaitStatus(orderId, "FULFILLING");
        String shipment = placed.get("shipments").get(0).get("id").asText();
        long fiveBefore = ops.available("SKU-0005");
        long sixBefore = ops.available("SKU-0006");

        assertThat(ops.graphql().data(HOLD, Map.of("id", shipment)).get("shipmentHold").get("held").asBoolean()).isTrue();
        await("the read side shows the hold").atMost(Duration.ofSeconds(10)).until(() -> heldReason(orderId),
                reason -> reason.equals("address check"));
        JsonNode whileHeld = ship(shipment, List.of(Map.of("sku", "SKU-0005", "quantity", 1)));
        assertThat(whileHeld.get("userErrors").get(0).get("code").asText()).isEqualTo("SHIPMENT_ON_HOLD");
        assertThat(ops.graphql().data(RELEASE, Map.of("id", shipment)).get("shipmentRelease").get("held").asBoolean())
                .isFalse();
        await("the read side shows the release").atMost(Duration.ofSeconds(10)).until(() -> heldReason(orderId),
                String::isEmpty);
        assertThat(ship(shipment, List.of(Map.of("sku", "SKU-0005", "quantity", 3))).get("userErrors").get(0)
                .get("code").asText()).as("more than it carries").isEqualTo("INVALID_INPUT");

        JsonNode shipped = ship(shipment, List.of(Map.of("sku", "SKU-0005", "quantity", 1)));
        assertThat(shipped.get("userErrors")).isEmpty();
        String gone = shipped.get("shippedShipmentId").asText();
        customer.awaitStatus(orderId, "PARTIALLY_SHIPPED");
        JsonNode plan = customer.graphql().data("query($o: ID!) { orderCancelPreview(orderId: $o) { allowed steps { name } } }",
                Map.of("o", orderId)).get("orderCancelPreview");
        assertThat(plan.get("allowed").asBoolean()).isTrue();
        assertThat(plan.get("steps").get(0).get("name").asText()).isEqualTo("cancel_unshipped");

        String key = UUID.randomUUID().toString();
        JsonNode cancel = customer.graphql().data(CANCEL, Map.of("id", orderId, "k", key)).get("orderCancel");
        assertThat(cancel.get("userErrors")).isEmpty();

        JsonNode order = customer.awaitStatus(orderId, "SHIPPED");
        await().atMost(Duration.ofSeconds(20)).until(() -> customer.order(orderId).get("payment").get("status").asText()
                .equals("PARTIALLY_REFUNDED"));
        assertThat(refunded(orderId)).isEqualTo(unitPrice(orderId, "SKU-0005") + unitPrice(orderId, "SKU-0006"));
        await().atMost(Duration.ofSeconds(20)).until(() -> ops.available("SKU-0005") == fiveBefore + 1
                && ops.available("SKU-0006") == sixBefore + 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> statusOf(customer.order(orderId), shipment).equals("CANCELLED")
                && statusOf(customer.order(orderId), gone).equals("SHIPPED"));
        assertThat(customer.graphql().data(CANCEL, Map.of("id", orderId, "k", key)).get("orderCancel")
                .get("cancellation").asText()).isEqualTo("DONE");
        assertThat(order.get("status").asText()).isEqualTo("SHIPPED");
        assertInvariantsHold();
    }

    @Test
    void aWholeShipmentShippedByHandShipsTheOrderAndItCanNoLongerBeCancelled() {
        String orderId = order(Map.of("SKU-0007", 1));
        customer.awaitSagaEnd(orderId);
        String shipment = customer.awaitStatus(orderId, "FULFILLING").get("shipments").get(0).get("id").asText();

        assertThat(ship(shipment, null).get("status").asText()).isEqualTo("SHIPPED");

        customer.awaitStatus(orderId, "SHIPPED");
        JsonNode cancel = customer.graphql().data(CANCEL, Map.of("id", orderId, "k", UUID.randomUUID().toString()))
                .get("orderCancel");
        assertThat(cancel.get("userErrors").get(0).get("code").asText()).isEqualTo("ORDER_ALREADY_SHIPPED");
        assertThat(ship(shipment, null).get("userErrors").get(0).get("code").asText()).isEqualTo("SHIPMENT_HAS_LEFT");
    }

    private static String order(Map<String, Integer> lines) {
        String cart = customer.newCart(customer.customer());
        lines.forEach((sku, quantity) -> assertThat(customer.addLine(cart, sku, quantity).get("userErrors")).isEmpty());
        JsonNode placed = customer.checkout(cart, "sandbox_ok", UUID.randomUUID().toString());
        assertThat(placed.get("userErrors")).isEmpty();
        return placed.get("order").get("id").asText();
    }

    /** The first shipment's hold reason as the read side shows it; empty when it is not held. */
    private static String heldReason(String orderId) {
        JsonNode shipment = customer.graphql().data("query($o: ID!) { order(id: $o) { shipments { held holdReason } } }",
                Map.of("o", orderId)).get("order").get("shipments").get(0);
        return shipment.get("held").asBoolean() ? shipment.get("holdReason").asText() : "";
    }

    private static JsonNode ship(String shipment, List<Map<String, Object>> units) {
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("id", shipment);
        variables.put("u", units);
        return ops.graphql().data(SHIP, variables).get("shipmentShip");
    }

    private static String statusOf(JsonNode order, String shipmentId) {
        for (JsonNode shipment : order.get("shipments")) {
            if (shipment.get("id").asText().equals(shipmentId)) {
                return shipment.get("status").asText();
            }
        }
        return "";
    }

    private static long refunded(String orderId) throws Exception {
        return single("SELECT coalesce(sum(amount), 0) FROM payment_provider.ledger WHERE order_id = ? AND operation = 'REFUND'",
                orderId);
    }

    private static long unitPrice(String orderId, String sku) throws Exception {
        try (Connection c = data.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT unit_price FROM \"order\".order_line WHERE order_id = ?::uuid AND sku = ?")) {
            select.setString(1, orderId);
            select.setString(2, sku);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static long single(String sql, String orderId) throws Exception {
        try (Connection c = data.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, orderId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static void assertInvariantsHold() {
        InvariantChecker checker = new InvariantChecker(data);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(checker::quiescent);
        assertThat(checker.checkQuiescent()).isEmpty();
    }
}
