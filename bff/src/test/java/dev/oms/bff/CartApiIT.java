package dev.oms.bff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

@GraphQlApiTest
class CartApiIT {
    private static final Map<String, Object> ADDRESS =
            Map.of("name", "Ada Lovelace", "line1", "12 St James's Square", "city", "London", "postalCode", "SW1Y 4JH",
                    "country", "GB");

    @Autowired
    HttpGraphQlTester anonymous;
    HttpGraphQlTester graphQl;

    @BeforeEach
    void signInAsTheCustomer() {
        graphQl = Testers.as(anonymous, TestTokens.customer("customer-7"));
    }

    private String createCart(String currency) {
        return graphQl.document("""
                        mutation Create($currency: String!) {
                          cartCreate(input: {customerId: "customer-7", currency: $currency}) {
                            cart { id } userErrors { field message code }
                          }
                        }""")
                .variable("currency", currency).execute()
                .path("cartCreate.userErrors").entityList(Object.class).hasSize(0)
                .path("cartCreate.cart.id").entity(String.class).get();
    }

    private void addLines(String cartId, List<Map<String, Object>> lines) {
        graphQl.document("""
                        mutation Add($cartId: ID!, $lines: [CartLineInput!]!) {
                          cartLinesAdd(cartId: $cartId, lines: $lines) { userErrors { code } }
                        }""")
                .variable("cartId", cartId).variable("lines", lines).execute()
                .path("cartLinesAdd.userErrors").entityList(Object.class).hasSize(0);
    }

    private GraphQlTester.Response checkout(String cartId, String key) {
        return graphQl.document("""
                        mutation Checkout($cartId: ID!, $key: String!, $address: AddressInput!) {
                          checkoutComplete(cartId: $cartId, idempotencyKey: $key,
                                           input: {paymentToken: "tok_visa", shippingAddress: $address}) {
                            order { id status } userErrors { field message code }
                          }
                        }""")
                .variable("cartId", cartId).variable("key", key).variable("address", ADDRESS).execute();
    }

    @Test
    void addsLinesToANewCartAndTotalsThem() {
        String cartId = createCart("EUR");

        graphQl.document("""
                        mutation Add($cartId: ID!) {
                          cartLinesAdd(cartId: $cartId, lines: [{sku: "SKU-1", quantity: 2}, {sku: "SKU-3", quantity: 1}]) {
                            cart { id lines { sku quantity } total { amount currency } }
                            userErrors { code }
                          }
                        }""")
                .variable("cartId", cartId).execute()
                .path("cartLinesAdd.cart.id").entity(String.class).isEqualTo(cartId)
                .path("cartLinesAdd.cart.lines[*].sku").entityList(String.class).containsExactly("SKU-1", "SKU-3")
                .path("cartLinesAdd.cart.lines[*].quantity").entityList(Integer.class).containsExactly(2, 1)
                .path("cartLinesAdd.cart.total.amount").entity(Long.class).isEqualTo(10_897L)
                .path("cartLinesAdd.userErrors").entityList(Object.class).hasSize(0);
    }

    @Test
    void readsACartWithItsLines() {
        String cartId = createCart("EUR");
        addLines(cartId, List.of(Map.of("sku", "SKU-1", "quantity", 2)));

        graphQl.document("""
                        query Cart($id: ID!) {
                          cart(id: $id) {
                            id customerId status
                            lines { sku name quantity unitPrice { amount currency } total { amount currency } }
                            total { amount currency }
                          }
                        }""")
                .variable("id", cartId).execute()
                .path("cart.customerId").entity(String.class).isEqualTo("customer-7")
                .path("cart.status").entity(String.class).isEqualTo("OPEN")
                .path("cart.lines[0].name").entity(String.class).isEqualTo("Anvil")
                .path("cart.lines[0].unitPrice.amount").entity(Long.class).isEqualTo(4_999L)
                .path("cart.lines[0].total.amount").entity(Long.class).isEqualTo(9_998L)
                .path("cart.total.currency").entity(String.class).isEqualTo("EUR");
    }

    @Test
    void returnsNullForAnUnknownCart() {
        graphQl.document("{ cart(id: \"no-such-cart\") { id } }").execute().path("cart").valueIsNull();
    }

    @Test
    void passesTheCartServicesUserErrorsThroughWithTheirCodes() {
        graphQl.document("""
                        mutation { cartCreate(input: {customerId: "customer-7", currency: "euro"}) {
                          cart { id } userErrors { field message code } } }""")
                .execute()
                .path("cartCreate.cart").valueIsNull()
                .path("cartCreate.userErrors[0].code").entity(String.class).isEqualTo("INVALID_CURRENCY")
                .path("cartCreate.userErrors[0].field").entityList(String.class).containsExactly("input", "currency")
                .path("cartCreate.userErrors[0].message").entity(String.class).isEqualTo("unknown currency");
    }

    @Test
    void reportsAnUnknownSkuAsAUserError() {
        String cartId = createCart("EUR");

        graphQl.document("""
                        mutation Add($cartId: ID!) {
                          cartLinesAdd(cartId: $cartId, lines: [{sku: "SKU-404", quantity: 1}]) {
                            cart { id } userErrors { code }
                          }
                        }""")
                .variable("cartId", cartId).execute()
                .path("cartLinesAdd.cart").valueIsNull()
                .path("cartLinesAdd.userErrors[*].code").entityList(String.class).containsExactly("UNKNOWN_SKU");
    }

    @Test
    void placesOneOrderPerIdempotencyKey() {
        String cartId = createCart("EUR");
        addLines(cartId, List.of(Map.of("sku", "SKU-3", "quantity", 1)));

        String orderId = checkout(cartId, "key-1")
                .path("checkoutComplete.userErrors").entityList(Object.class).hasSize(0)
                .path("checkoutComplete.order.status").entity(String.class).isEqualTo("PENDING")
                .path("checkoutComplete.order.id").entity(String.class).get();

        checkout(cartId, "key-1").path("checkoutComplete.order.id").entity(String.class).isEqualTo(orderId);
        assertThat(orderId).isEqualTo("order-for-" + cartId + "-GB");
        graphQl.document("query Cart($id: ID!) { cart(id: $id) { status } }").variable("id", cartId).execute()
                .path("cart.status").entity(String.class).isEqualTo("CHECKED_OUT");
    }

    @Test
    void refusesToCheckOutAnEmptyCart() {
        String cartId = createCart("EUR");

        checkout(cartId, "key-empty")
                .path("checkoutComplete.order").valueIsNull()
                .path("checkoutComplete.userErrors[*].code").entityList(String.class).containsExactly("CART_EMPTY");
    }

    @Test
    void createsACartForTheSignedInCustomerWhenNoCustomerIsNamed() {
        graphQl.document("mutation { cartCreate(input: {currency: \"EUR\"}) { cart { customerId } userErrors { code } } }")
                .execute()
                .path("cartCreate.cart.customerId").entity(String.class).isEqualTo("customer-7");
    }

    @Test
    void asksAnOperatorToNameTheCustomerOfANewCart() {
        Testers.as(anonymous, TestTokens.ops())
                .document("mutation { cartCreate(input: {currency: \"EUR\"}) { cart { id } userErrors { field code } } }")
                .execute()
                .path("cartCreate.cart").valueIsNull()
                .path("cartCreate.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                .path("cartCreate.userErrors[0].field").entityList(String.class).containsExactly("input", "customerId");
    }
}
