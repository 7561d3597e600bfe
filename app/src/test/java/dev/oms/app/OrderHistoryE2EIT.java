package dev.oms.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** An order's history through GraphQL: operators follow its whole causal chain, customers read their timeline. */
class OrderHistoryE2EIT {
    private static final String EVENTS = """
            query($id: ID!) { order(id: $id) { events { id type occurredAt causationId producer sagaId payload } } }""";

    @Test
    void operatorsFollowAnOrdersCausalChainFromCheckoutToNotification() {
        Shop ops = TestPlatform.shop();
        String orderId = ops.placeOrder("SKU-0006", 1, "sandbox_ok");
        ops.awaitSagaEnd(orderId);

        List<JsonNode> trail = await().atMost(Duration.ofSeconds(30)).until(() -> events(ops, orderId),
                events -> types(events).contains("oms.notification.v1.NotificationSent"));

        assertThat(trail.get(0).get("type").asText()).isEqualTo("oms.cart.v1.CheckoutCompleted");
        assertThat(trail.get(0).get("causationId").isNull()).isTrue();
        Set<String> earlier = new HashSet<>();
        for (JsonNode message : trail) {
            if (!message.get("causationId").isNull()) {
                assertThat(earlier).as("the cause of %s comes before it", message.get("type").asText())
                        .contains(message.get("causationId").asText());
            }
            earlier.add(message.get("id").asText());
        }
        assertThat(causesOf(trail, "oms.notification.v1.NotificationSent")).containsSubsequence(
                "oms.cart.v1.CheckoutCompleted",
                "oms.inventory.v1.ReserveStock", "oms.inventory.v2.StockReserved",
                "oms.payment.v1.AuthorizePayment", "oms.payment.v1.PaymentAuthorized",
                "oms.fulfillment.v1.CreateShipment", "oms.fulfillment.v1.ShipmentCreated",
                "oms.payment.v1.CapturePayment", "oms.payment.v1.PaymentCaptured",
                "oms.notification.v1.SendNotification", "oms.notification.v1.NotificationSent");
        JsonNode placed = trail.stream().filter(m -> m.get("type").asText().equals("oms.order.v1.OrderPlaced"))
                .findFirst().orElseThrow();
        assertThat(placed.get("payload").get("order_id").asText()).isEqualTo(orderId);
        assertThat(placed.get("producer").asText()).isEqualTo("order");
        assertThat(trail).allSatisfy(message -> assertThat(message.get("payload").isObject()).isTrue());
    }

    @Test
    void customersReadTheirTimelineWithoutInternalStepsOrFields() {
        Shop customer = TestPlatform.shopFor("history-" + UUID.randomUUID());
        String orderId = customer.placeOrder("SKU-0006", 1, "sandbox_ok");
        customer.awaitSagaEnd(orderId);

        JsonNode response = customer.graphql().execute(EVENTS, Map.of("id", orderId));

        assertThat(response.has("errors")).as("errors in %s", response).isFalse();
        List<JsonNode> timeline = response.get("data").get("order").get("events").valueStream().toList();
        assertThat(types(timeline)).contains("oms.order.v1.OrderPlaced", "oms.payment.v1.PaymentAuthorized",
                        "oms.fulfillment.v1.ShipmentCreated")
                .doesNotContain("oms.order.v1.SagaUpdated", "oms.inventory.v1.ReserveStock",
                        "oms.inventory.v2.StockReserved");
        assertThat(timeline).allSatisfy(event -> {
            assertThat(event.get("causationId").isNull()).isTrue();
            assertThat(event.get("producer").isNull()).isTrue();
            assertThat(event.get("sagaId").isNull()).isTrue();
            assertThat(event.get("payload").isNull()).isTrue();
        });
    }

    private static List<JsonNode> events(Shop shop, String orderId) {
        JsonNode order = shop.graphql().data(EVENTS, Map.of("id", orderId)).get("order");
        return order == null || order.isNull() ? List.of() : order.get("events").valueStream().toList();
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(event -> event.get("type").asText()).toList();
    }

    /** The types along the chain of causes that ends at the first message of {@code type}, first cause first. */
    private static List<String> causesOf(List<JsonNode> trail, String type) {
        Map<String, JsonNode> byId = new HashMap<>();
        trail.forEach(message -> byId.put(message.get("id").asText(), message));
        List<String> chain = new ArrayList<>();
        JsonNode message = trail.stream().filter(m -> m.get("type").asText().equals(type)).findFirst().orElseThrow();
        while (message != null) {
            chain.add(0, message.get("type").asText());
            message = message.get("causationId").isNull() ? null : byId.get(message.get("causationId").asText());
        }
        return chain;
    }
}
