package dev.oms.bff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

@GraphQlApiTest
class OrderApiIT {
    private static final String ORDER = """
            query Order($id: ID!) {
              order(id: $id) {
                id status customerId total { amount currency }
                lines { sku quantity unitPrice { amount currency } }
                payment { status }
                shipments { id status warehouse }
                notifications { id channel template }
                saga { id type status steps { name kind status attempts error } }
                placedAt updatedAt
              }
            }""";

    @Autowired
    HttpGraphQlTester anonymous;
    HttpGraphQlTester graphQl;

    @BeforeEach
    void signInAsOperator() {
        graphQl = Testers.as(anonymous, TestTokens.ops());
    }

    private GraphQlTester.Response order(String id) {
        return graphQl.document(ORDER).variable("id", id).execute();
    }

    @Test
    void readsAnOrderWithEverythingThatHappenedToIt() {
        order(FakeOrderQueries.SHIPPED)
                .path("order.id").entity(String.class).isEqualTo(FakeOrderQueries.SHIPPED)
                .path("order.status").entity(String.class).isEqualTo("SHIPPED")
                .path("order.customerId").entity(String.class).isEqualTo("customer-7")
                .path("order.total.amount").entity(Long.class).isEqualTo(2_550L)
                .path("order.lines[*].sku").entityList(String.class).containsExactly("SKU-1", "SKU-2")
                .path("order.lines[1].unitPrice.amount").entity(Long.class).isEqualTo(550L)
                .path("order.payment.status").entity(String.class).isEqualTo("CAPTURED")
                .path("order.shipments[0].id").entity(String.class).isEqualTo("ship-1")
                .path("order.shipments[0].status").entity(String.class).isEqualTo("SHIPPED")
                .path("order.shipments[0].warehouse").entity(String.class).isEqualTo("berlin")
                .path("order.notifications[0].template").entity(String.class).isEqualTo("order-confirmed")
                .path("order.notifications[0].channel").entity(String.class).isEqualTo("EMAIL")
                .path("order.saga.status").entity(String.class).isEqualTo("COMPLETED")
                .path("order.saga.type").entity(String.class).isEqualTo("PlaceOrder")
                .path("order.saga.steps[*].kind").entityList(String.class).containsExactly("COMPENSATABLE", "RETRIABLE")
                .path("order.saga.steps[1].attempts").entity(Integer.class).isEqualTo(3)
                .path("order.saga.steps[1].error").entity(String.class).isEqualTo("provider timeout")
                .path("order.saga.steps[0].error").valueIsNull()
                .path("order.placedAt").entity(String.class).isEqualTo("2026-11-24T09:15:30.123456Z")
                .path("order.updatedAt").entity(String.class).isEqualTo("2026-11-24T09:16:02Z");
    }

    @Test
    void leavesPaymentAndSagaNullBeforeTheyReport() {
        order(FakeOrderQueries.JUST_PLACED)
                .path("order.status").entity(String.class).isEqualTo("PENDING")
                .path("order.payment").valueIsNull()
                .path("order.saga").valueIsNull()
                .path("order.shipments").entityList(Object.class).hasSize(0);
    }

    @Test
    void returnsNullForAnUnknownOrder() {
        order("no-such-order").path("order").valueIsNull();
    }

    @Test
    void turnsAFailingLookupIntoAnInternalErrorThatLeaksNothing() {
        order(FakeOrderQueries.FAILING)
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("classification", "INTERNAL_ERROR");
                    assertThat(error.getMessage()).startsWith("Internal error")
                            .doesNotContain("SELECT", "order_view", FakeOrderQueries.SECRET, "Exception");
                    assertThat(error.getExtensions()).containsOnlyKeys("classification", "code")
                            .containsEntry("code", "INTERNAL_ERROR");
                    assertThat(error.getPath()).isEqualTo("order");
                }))
                .path("order").valueIsNull();
    }

    @Test
    void keepsTheRestOfAQueryWhenOneFieldFails() {
        graphQl.document("""
                        { broken: product(sku: "%s") { sku } fine: product(sku: "SKU-1") { name } }"""
                        .formatted(FakeProductQueries.BROKEN_SKU))
                .execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getExtensions()).containsEntry("classification", "INTERNAL_ERROR");
                    assertThat(error.getMessage()).doesNotContain("product_view", "jdbc", "5432");
                }))
                .path("broken").valueIsNull()
                .path("fine.name").entity(String.class).isEqualTo("Anvil");
    }
}
