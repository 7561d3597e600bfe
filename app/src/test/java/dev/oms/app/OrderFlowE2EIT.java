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

/** The order flow end to end: GraphQL in, services talking only through Kafka, read models out. */
class OrderFlowE2EIT {
    private static Shop shop;

    @BeforeAll
    static void platform() {
        shop = TestPlatform.shop();
        await().atMost(Duration.ofSeconds(30)).until(() -> shop.available("SKU-0001") > 0);
    }

    @Test
    void placedOrderIsReservedPaidShippedAndNotified() {
        String orderId = shop.placeOrder("SKU-0001", 2, "sandbox_ok");

        JsonNode order = shop.awaitSagaEnd(orderId);

        assertThat(order.get("saga").get("status").asText()).isEqualTo("COMPLETED");
        assertThat(order.get("status").asText()).isIn("CONFIRMED", "FULFILLING", "SHIPPED", "DELIVERED");
        assertThat(order.get("payment").get("status").asText()).isEqualTo("CAPTURED");
        assertThat(order.get("shipments")).hasSize(1);
        assertThat(order.get("notifications")).hasSize(1);
        assertThat(order.get("total").get("amount").asLong()).isEqualTo(2 * 750);
        assertThat(order.get("saga").get("steps")).extracting(s -> s.get("status").asText()).containsOnly("SUCCEEDED");

        JsonNode delivered = shop.awaitStatus(orderId, "DELIVERED");
        assertThat(delivered.get("shipments").get(0).get("status").asText()).isEqualTo("DELIVERED");
    }

    @Test
    void orderingMoreThanTheStockIsRejectedWithoutTouchingPayment() {
        String orderId = shop.placeOrder("SKU-LIMITED", 6, "sandbox_ok");

        JsonNode order = shop.awaitSagaEnd(orderId);

        assertThat(order.get("status").asText()).isEqualTo("REJECTED");
        assertThat(order.get("saga").get("status").asText()).isEqualTo("COMPENSATED");
        assertThat(order.get("payment").isNull()).isTrue();
    }

    @Test
    void declinedPaymentRejectsTheOrderAndGivesTheStockBack() {
        long before = shop.available("SKU-0002");

        String orderId = shop.placeOrder("SKU-0002", 3, "sandbox_decline");
        JsonNode order = shop.awaitSagaEnd(orderId);

        assertThat(order.get("status").asText()).isEqualTo("REJECTED");
        assertThat(order.get("payment").get("status").asText()).isEqualTo("DECLINED");
        assertThat(order.get("saga").get("steps").get(0).get("status").asText()).isEqualTo("COMPENSATED");
        await().atMost(Duration.ofSeconds(10)).until(() -> shop.available("SKU-0002") == before);
    }

    @Test
    void repeatedCheckoutWithTheSameKeyReturnsTheSameOrder() {
        String cart = shop.newCart("bob");
        shop.addLine(cart, "SKU-0003", 1);
        String key = UUID.randomUUID().toString();

        JsonNode first = shop.checkout(cart, "sandbox_ok", key);
        JsonNode again = shop.checkout(cart, "sandbox_ok", key);

        assertThat(again.get("order").get("id").asText()).isEqualTo(first.get("order").get("id").asText());
        String otherCart = shop.newCart("bob");
        shop.addLine(otherCart, "SKU-0003", 1);
        JsonNode reused = shop.checkout(otherCart, "sandbox_ok", key);
        assertThat(reused.get("order").isNull()).isTrue();
        assertThat(codes(reused)).containsExactly("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void badInputGetsTypedUserErrorsAndChangesNothing() {
        String cart = shop.newCart("carol");

        assertThat(codes(shop.addLine(cart, "NO-SUCH-SKU", 1))).containsExactly("UNKNOWN_SKU");
        assertThat(codes(shop.addLine(cart, "SKU-0001", 0))).containsExactly("INVALID_QUANTITY");
        assertThat(codes(shop.addLine(UUID.randomUUID().toString(), "SKU-0001", 1))).containsExactly("CART_NOT_FOUND");
        assertThat(codes(shop.checkout(cart, "sandbox_ok", UUID.randomUUID().toString()))).containsExactly("CART_EMPTY");
        JsonNode badCurrency = shop.graphql().data("""
                mutation { cartCreate(input: {customerId: "carol", currency: "EURO"}) { cart { id } userErrors { code } } }""",
                Map.of()).get("cartCreate");
        assertThat(codes(badCurrency)).containsExactly("INVALID_CURRENCY");

        JsonNode cartNow = shop.graphql().data("query($id: ID!) { cart(id: $id) { lines { sku } } }", Map.of("id", cart));
        assertThat(cartNow.get("cart").get("lines")).isEmpty();
    }

    @Test
    void unknownOrderIsNull() {
        assertThat(shop.order(UUID.randomUUID().toString()).isNull()).isTrue();
    }

    private static List<String> codes(JsonNode payload) {
        return payload.get("userErrors").valueStream().map(e -> e.get("code").asText()).toList();
    }
}
