package dev.oms.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A customer watches the order they placed over a WebSocket, from PENDING to DELIVERED. */
class OrderSubscriptionE2EIT {
    private static final List<String> LIFE = List.of("PENDING", "CONFIRMED", "FULFILLING", "SHIPPED", "DELIVERED");
    private static final String ORDER_UPDATED = """
            subscription($id: ID!) { orderUpdated(orderId: $id) { orderId status occurredAt order { id status } } }""";

    @BeforeAll
    static void platform() {
        Shop shop = TestPlatform.shop();
        await().atMost(Duration.ofSeconds(30)).until(() -> shop.available("SKU-0004") > 0);
    }

    @Test
    void customerReceivesEachStatusOfTheOrderTheyPlacedUntilDelivery() throws Exception {
        String customer = "watcher-" + UUID.randomUUID();
        Shop shop = TestPlatform.shopFor(customer);
        String cart = shop.newCart(customer);
        shop.addLine(cart, "SKU-0004", 1);

        List<String> statuses;
        try (GraphQlSubscriber subscriber = GraphQlSubscriber.connect(shop.graphql().url(), TestTokens.customer(customer))) {
            String orderId = shop.checkout(cart, "sandbox_ok", UUID.randomUUID().toString()).get("order").get("id").asText();
            subscriber.subscribe("watch", ORDER_UPDATED, Map.of("id", orderId));
            statuses = subscriber.untilComplete("watch", Duration.ofSeconds(90)).stream()
                    .map(payload -> payload.get("data").get("orderUpdated"))
                    .peek(update -> assertThat(update.get("orderId").asText()).isEqualTo(orderId))
                    .map(update -> update.get("status").asText())
                    .toList();
        }

        assertThat(statuses).first().isEqualTo("PENDING");
        assertThat(statuses).contains("CONFIRMED").last().isEqualTo("DELIVERED");
        assertThat(statuses).isSortedAccordingTo((a, b) -> Integer.compare(LIFE.indexOf(a), LIFE.indexOf(b)))
                .doesNotHaveDuplicates();
    }

    @Test
    void subscribingToAFinishedOrderSendsItsFinalStatusAndEnds() throws Exception {
        Shop owner = TestPlatform.shopFor("owner-" + UUID.randomUUID());
        String orderId = owner.placeOrder("SKU-0004", 1, "sandbox_decline");
        owner.awaitSagaEnd(orderId);

        List<JsonNode> updates;
        try (GraphQlSubscriber subscriber =
                     GraphQlSubscriber.connect(owner.graphql().url(), TestTokens.customer(owner.customer()))) {
            subscriber.subscribe("finished", ORDER_UPDATED, Map.of("id", orderId));
            updates = subscriber.untilComplete("finished", Duration.ofSeconds(30));
        }

        assertThat(updates).singleElement().satisfies(update -> assertThat(
                update.get("data").get("orderUpdated").get("status").asText()).isEqualTo("REJECTED"));
    }
}
