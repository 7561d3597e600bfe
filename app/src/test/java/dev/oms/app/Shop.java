package dev.oms.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A customer and an operator of the shop, in GraphQL calls: build carts, check out, watch orders. A shop made from a
 * plain client acts as an operator (who may act for any customer and places orders for alice); {@link #asCustomer}
 * gives one that acts as that customer alone.
 */
final class Shop {
    static final String ORDER_QUERY = """
            query($id: ID!) { order(id: $id) { id status total { amount currency } lines { sku quantity }
              payment { status } shipments { id status warehouse } notifications { channel template }
              saga { id status steps { name status attempts } } } }""";

    private final GraphQlClient graphql;
    private final String customer;

    Shop(GraphQlClient graphql) {
        this(graphql, "alice");
    }

    private Shop(GraphQlClient graphql, String customer) {
        this.graphql = graphql;
        this.customer = customer;
    }

    /** The same shop as the customer {@code customerId}, with that customer's token. */
    Shop asCustomer(String customerId) {
        return new Shop(graphql.withToken(TestTokens.customer(customerId)), customerId);
    }

    /** The same shop as an operator. */
    Shop asOps() {
        return new Shop(graphql.withToken(TestTokens.ops()), "alice");
    }

    /** The same shop without a token. */
    Shop anonymous() {
        return new Shop(graphql.withToken(null), customer);
    }

    /** The customer this shop places orders for. */
    String customer() {
        return customer;
    }

    GraphQlClient graphql() {
        return graphql;
    }

    String newCart(String customer) {
        JsonNode payload = graphql.data("""
                mutation($c: ID!) { cartCreate(input: {customerId: $c, currency: "EUR"}) {
                  cart { id } userErrors { field message code } } }""", Map.of("c", customer)).get("cartCreate");
        assertThat(payload.get("userErrors")).isEmpty();
        return payload.get("cart").get("id").asText();
    }

    JsonNode addLine(String cartId, String sku, int quantity) {
        return graphql.data("""
                mutation($id: ID!, $s: String!, $q: Int!) { cartLinesAdd(cartId: $id, lines: [{sku: $s, quantity: $q}]) {
                  cart { id lines { sku quantity } total { amount currency } } userErrors { field message code } } }""",
                Map.of("id", cartId, "s", sku, "q", quantity)).get("cartLinesAdd");
    }

    JsonNode checkout(String cartId, String paymentToken, String idempotencyKey) {
        return graphql.data("""
                mutation($id: ID!, $k: String!, $p: String!) { checkoutComplete(cartId: $id, idempotencyKey: $k,
                  input: {paymentToken: $p, shippingAddress: {name: "Ada", line1: "1 Main St", city: "Berlin",
                          postalCode: "10115", country: "DE"}}) {
                  order { id status } userErrors { field message code } } }""",
                Map.of("id", cartId, "k", idempotencyKey, "p", paymentToken)).get("checkoutComplete");
    }

    /** Cart, one line, checkout, for this shop's customer: returns the order id. */
    String placeOrder(String sku, int quantity, String paymentToken) {
        String cart = newCart(customer);
        assertThat(addLine(cart, sku, quantity).get("userErrors")).isEmpty();
        JsonNode placed = checkout(cart, paymentToken, UUID.randomUUID().toString());
        assertThat(placed.get("userErrors")).isEmpty();
        return placed.get("order").get("id").asText();
    }

    JsonNode order(String orderId) {
        return graphql.data(ORDER_QUERY, Map.of("id", orderId)).get("order");
    }

    /** Waits until the order's saga has ended (COMPLETED or COMPENSATED); returns the order. */
    JsonNode awaitSagaEnd(String orderId) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> order(orderId), o -> o != null && !o.isNull() && o.hasNonNull("saga")
                        && List.of("COMPLETED", "COMPENSATED").contains(o.get("saga").get("status").asText()));
    }

    JsonNode awaitStatus(String orderId, String status) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> order(orderId), o -> o != null && !o.isNull() && o.get("status").asText().equals(status));
    }

    long available(String sku) {
        JsonNode product = graphql.data("query($s: String!) { product(sku: $s) { available } }", Map.of("s", sku))
                .get("product");
        return product == null || product.isNull() ? -1 : product.get("available").asLong();
    }
}
