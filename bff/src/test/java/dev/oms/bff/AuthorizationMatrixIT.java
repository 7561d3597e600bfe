package dev.oms.bff;

import static dev.oms.bff.AuthorizationMatrixIT.Outcome.ALLOWED;
import static dev.oms.bff.AuthorizationMatrixIT.Outcome.FORBIDDEN;
import static dev.oms.bff.AuthorizationMatrixIT.Outcome.HIDDEN;
import static dev.oms.bff.AuthorizationMatrixIT.Outcome.UNAUTHENTICATED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oms.cart.api.LineInput;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Every operation against every kind of caller: nobody, customer A (who owns the cart and order at stake), customer B
 * and an operator. HIDDEN is what a caller gets for something that does not exist.
 */
@GraphQlApiTest
class AuthorizationMatrixIT {
    enum Caller { ANONYMOUS, CUSTOMER_A, CUSTOMER_B, OPS }

    enum Outcome { ALLOWED, HIDDEN, FORBIDDEN, UNAUTHENTICATED }

    /** An operation on customer A's cart ($cartId) or order ($orderId), and what each outcome looks like. */
    record Operation(String document, Consumer<GraphQlTester.Response> allowed, Consumer<GraphQlTester.Response> hidden) {}

    private static final String ADDRESS = "{name: \"Ada\", line1: \"1 Main St\", city: \"Berlin\", postalCode: \"10115\", "
            + "country: \"DE\"}";

    private static final Map<String, Operation> OPERATIONS = Map.ofEntries(
            Map.entry("products", new Operation("{ products(first: 1) { totalCount } }",
                    r -> r.path("products.totalCount").entity(Integer.class).isEqualTo(5), null)),
            Map.entry("product", new Operation("{ product(sku: \"SKU-1\") { sku } }",
                    r -> r.path("product.sku").entity(String.class).isEqualTo("SKU-1"), null)),
            Map.entry("cart", new Operation("query($cartId: ID!) { cart(id: $cartId) { customerId } }",
                    r -> r.path("cart.customerId").entity(String.class).isEqualTo(TestTokens.CUSTOMER_A),
                    r -> r.path("cart").valueIsNull())),
            Map.entry("order", new Operation("query($orderId: ID!) { order(id: $orderId) { id } }",
                    r -> r.path("order.id").entity(String.class).isEqualTo(FakeOrderQueries.SHIPPED),
                    r -> r.path("order").valueIsNull())),
            Map.entry("orders", new Operation("{ orders(customerId: \"customer-7\") { totalCount } }",
                    r -> r.path("orders.totalCount").entity(Integer.class).isEqualTo(2),
                    r -> r.path("orders.totalCount").entity(Integer.class).isEqualTo(0))),
            Map.entry("cartCreate", new Operation("""
                    mutation { cartCreate(input: {customerId: "customer-7", currency: "EUR"}) {
                      cart { customerId } userErrors { code } } }""",
                    r -> r.path("cartCreate.cart.customerId").entity(String.class).isEqualTo(TestTokens.CUSTOMER_A),
                    null)),
            Map.entry("cartLinesAdd", new Operation("""
                    mutation($cartId: ID!) { cartLinesAdd(cartId: $cartId, lines: [{sku: "SKU-3", quantity: 1}]) {
                      cart { id } userErrors { code } } }""",
                    r -> r.path("cartLinesAdd.userErrors").entityList(Object.class).hasSize(0),
                    r -> r.path("cartLinesAdd.userErrors[0].code").entity(String.class).isEqualTo("CART_NOT_FOUND"))),
            Map.entry("cartLinesUpdate", new Operation("""
                    mutation($cartId: ID!) { cartLinesUpdate(cartId: $cartId, lines: [{sku: "SKU-3", quantity: 2}]) {
                      cart { id } userErrors { code } } }""",
                    r -> r.path("cartLinesUpdate.userErrors").entityList(Object.class).hasSize(0),
                    r -> r.path("cartLinesUpdate.userErrors[0].code").entity(String.class).isEqualTo("CART_NOT_FOUND"))),
            Map.entry("cartLinesRemove", new Operation("""
                    mutation($cartId: ID!) { cartLinesRemove(cartId: $cartId, skus: ["SKU-3"]) {
                      cart { id } userErrors { code } } }""",
                    r -> r.path("cartLinesRemove.userErrors").entityList(Object.class).hasSize(0),
                    r -> r.path("cartLinesRemove.userErrors[0].code").entity(String.class).isEqualTo("CART_NOT_FOUND"))),
            Map.entry("cartShippingAddressUpdate", new Operation("""
                    mutation($cartId: ID!) { cartShippingAddressUpdate(cartId: $cartId, address: %s) {
                      cart { shippingAddress { city } } userErrors { code } } }""".formatted(ADDRESS),
                    r -> r.path("cartShippingAddressUpdate.userErrors").entityList(Object.class).hasSize(0),
                    r -> r.path("cartShippingAddressUpdate.userErrors[0].code").entity(String.class)
                            .isEqualTo("CART_NOT_FOUND"))),
            Map.entry("checkoutComplete", new Operation("""
                    mutation($cartId: ID!) { checkoutComplete(cartId: $cartId, idempotencyKey: "k",
                      input: {paymentToken: "tok", shippingAddress: %s}) { order { id } userErrors { code } } }"""
                    .formatted(ADDRESS),
                    r -> r.path("checkoutComplete.order.id").entity(String.class).satisfies(id -> assertThat(id).isNotBlank()),
                    r -> r.path("checkoutComplete.userErrors[0].code").entity(String.class).isEqualTo("CART_NOT_FOUND"))),
            Map.entry("orderCancel", new Operation("""
                    mutation($orderId: ID!) { orderCancel(orderId: $orderId) { status userErrors { code } } }""",
                    r -> r.path("orderCancel.userErrors[0].code").entity(String.class).isEqualTo("ORDER_ALREADY_SHIPPED"),
                    r -> r.path("orderCancel.userErrors[0].code").entity(String.class).isEqualTo("ORDER_NOT_FOUND"))),
            Map.entry("sagas", new Operation("{ sagas { totalCount } }",
                    r -> r.path("sagas.totalCount").entity(Integer.class).isEqualTo(2), null)),
            Map.entry("saga", new Operation("{ saga(id: \"saga-stuck\") { id } }",
                    r -> r.path("saga.id").entity(String.class).isEqualTo("saga-stuck"), null)),
            Map.entry("sagaRetry", new Operation("mutation { sagaRetry(id: \"saga-stuck\") { status } }",
                    r -> r.path("sagaRetry.status").entity(String.class).isEqualTo("RUNNING"), null)),
            Map.entry("sagaCompensate", new Operation("mutation { sagaCompensate(id: \"saga-stuck\") { status } }",
                    r -> r.path("sagaCompensate.status").entity(String.class).isEqualTo("COMPENSATING"), null)),
            Map.entry("inventory", new Operation("{ inventory(sku: \"SKU-1\") { warehouse } }",
                    r -> r.path("inventory").entityList(Object.class).hasSize(2), null)),
            Map.entry("inventoryAdjust", new Operation("""
                    mutation { inventoryAdjust(sku: "SKU-1", warehouse: "berlin", delta: 1, reason: "count") {
                      stockLevel { onHand } } }""",
                    r -> r.path("inventoryAdjust.stockLevel.onHand").entity(Long.class).isEqualTo(13L), null)),
            Map.entry("metrics", new Operation("{ metrics { ordersPlaced } }",
                    r -> r.path("metrics.ordersPlaced").entity(Long.class).isEqualTo(10L), null)));

    static Stream<Arguments> matrix() {
        return Stream.of(
                        row("products", ALLOWED, ALLOWED, ALLOWED, ALLOWED),
                        row("product", ALLOWED, ALLOWED, ALLOWED, ALLOWED),
                        row("cart", UNAUTHENTICATED, ALLOWED, HIDDEN, ALLOWED),
                        row("order", UNAUTHENTICATED, ALLOWED, HIDDEN, ALLOWED),
                        row("orders", UNAUTHENTICATED, ALLOWED, HIDDEN, ALLOWED),
                        row("cartCreate", UNAUTHENTICATED, ALLOWED, FORBIDDEN, ALLOWED),
                        row("cartLinesAdd", UNAUTHENTICATED, ALLOWED, HIDDEN, ALLOWED),
                        row("cartLinesUpdate", UNAUTHENTICATED, ALLOWED, HIDDEN, ALLOWED),
                        row("cartLinesRemove", UNAUTHENTICATED, ALLOWED, HIDDEN, ALLOWED),
                        row("cartShippingAddressUpdate", UNAUTHENTICATED, ALLOWED, HIDDEN, ALLOWED),
                        row("checkoutComplete", UNAUTHENTICATED, ALLOWED, HIDDEN, ALLOWED),
                        row("orderCancel", UNAUTHENTICATED, ALLOWED, HIDDEN, ALLOWED),
                        row("sagas", UNAUTHENTICATED, FORBIDDEN, FORBIDDEN, ALLOWED),
                        row("saga", UNAUTHENTICATED, FORBIDDEN, FORBIDDEN, ALLOWED),
                        row("sagaRetry", UNAUTHENTICATED, FORBIDDEN, FORBIDDEN, ALLOWED),
                        row("sagaCompensate", UNAUTHENTICATED, FORBIDDEN, FORBIDDEN, ALLOWED),
                        row("inventory", UNAUTHENTICATED, FORBIDDEN, FORBIDDEN, ALLOWED),
                        row("inventoryAdjust", UNAUTHENTICATED, FORBIDDEN, FORBIDDEN, ALLOWED),
                        row("metrics", UNAUTHENTICATED, FORBIDDEN, FORBIDDEN, ALLOWED))
                .flatMap(Stream::of);
    }

    /** One operation's outcomes for the anonymous caller, customer A, customer B and the operator. */
    private static Arguments[] row(String operation, Outcome anonymous, Outcome a, Outcome b, Outcome ops) {
        return new Arguments[] {Arguments.of(operation, Caller.ANONYMOUS, anonymous),
                Arguments.of(operation, Caller.CUSTOMER_A, a), Arguments.of(operation, Caller.CUSTOMER_B, b),
                Arguments.of(operation, Caller.OPS, ops)};
    }

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    FakeCartCommands carts;
    @LocalServerPort
    int port;

    private String cartOfA;

    @BeforeEach
    void customerAHasACartWithALine() {
        cartOfA = carts.createCart(TestTokens.CUSTOMER_A, "EUR").cart().id();
        carts.addLines(cartOfA, List.of(new LineInput("SKU-1", 1)));
    }

    @ParameterizedTest(name = "{0} as {1}: {2}")
    @MethodSource("matrix")
    void grantsEachOperationToTheCallersItIsFor(String name, Caller caller, Outcome outcome) {
        Operation operation = OPERATIONS.get(name);
        GraphQlTester.Response response = Testers.as(anonymous, token(caller)).document(operation.document())
                .variable("cartId", cartOfA).variable("orderId", FakeOrderQueries.SHIPPED).execute();

        switch (outcome) {
            case ALLOWED -> {
                response.errors().verify();
                operation.allowed().accept(response);
            }
            case HIDDEN -> {
                response.errors().verify();
                operation.hidden().accept(response);
            }
            case FORBIDDEN -> response.errors().satisfy(errors -> assertThat(errors).singleElement()
                    .satisfies(error -> assertThat(error.getExtensions())
                            .containsEntry("classification", "FORBIDDEN").containsEntry("code", "FORBIDDEN")));
            case UNAUTHENTICATED -> response.errors().satisfy(errors -> assertThat(errors).singleElement()
                    .satisfies(error -> assertThat(error.getExtensions())
                            .containsEntry("classification", "UNAUTHENTICATED")
                            .containsEntry("code", "UNAUTHENTICATED")));
        }
    }

    @Test
    void answersAnotherCustomersOrderExactlyAsAnOrderThatDoesNotExist() throws Exception {
        String query = "{\"query\":\"query($id: ID!) { order(id: $id) { id status } }\",\"variables\":{\"id\":\"%s\"}}";
        String b = TestTokens.customer(TestTokens.CUSTOMER_B);

        HttpResponse<String> othersOrder = Testers.post(port, b, query.formatted(FakeOrderQueries.SHIPPED));
        HttpResponse<String> noOrder = Testers.post(port, b, query.formatted("no-such-order"));

        assertThat(othersOrder.statusCode()).isEqualTo(noOrder.statusCode()).isEqualTo(200);
        assertThat(othersOrder.body()).isEqualTo(noOrder.body()).isEqualTo("{\"data\":{\"order\":null}}");
    }

    @Test
    void answersAnotherCustomersCartExactlyAsACartThatDoesNotExist() throws Exception {
        String add = "{\"query\":\"mutation($id: ID!) { cartLinesAdd(cartId: $id, lines: [{sku: \\\"SKU-1\\\", "
                + "quantity: 1}]) { cart { id } userErrors { field message code } } }\",\"variables\":{\"id\":\"%s\"}}";
        String b = TestTokens.customer(TestTokens.CUSTOMER_B);
        String unknownCart = "cart-does-not-exist";

        String othersCart = Testers.post(port, b, add.formatted(cartOfA)).body();
        String noCart = Testers.post(port, b, add.formatted(unknownCart)).body();

        assertThat(othersCart.replace(cartOfA, "<id>")).isEqualTo(noCart.replace(unknownCart, "<id>"))
                .contains("CART_NOT_FOUND");
    }

    private static String token(Caller caller) {
        return switch (caller) {
            case ANONYMOUS -> null;
            case CUSTOMER_A -> TestTokens.customer(TestTokens.CUSTOMER_A);
            case CUSTOMER_B -> TestTokens.customer(TestTokens.CUSTOMER_B);
            case OPS -> TestTokens.ops();
        };
    }
}
