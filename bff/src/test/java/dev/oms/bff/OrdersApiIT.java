package dev.oms.bff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Order lists, the order timeline and cancellation. */
@GraphQlApiTest
class OrdersApiIT {
    private static final String ORDERS = """
            query Orders($first: Int, $after: String, $status: OrderStatus, $customerId: ID) {
              orders(first: $first, after: $after, status: $status, customerId: $customerId) {
                edges { cursor node { id status customerId } }
                pageInfo { hasNextPage endCursor }
                totalCount
              }
            }""";
    private static final String CANCEL = """
            mutation Cancel($id: ID!, $reason: String, $key: String) {
              orderCancel(orderId: $id, reason: $reason, idempotencyKey: $key) {
                status order { id status } userErrors { field message code }
              }
            }""";

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    FakeOrderService orderService;

    HttpGraphQlTester ops;
    HttpGraphQlTester customerA;

    @BeforeEach
    void signIn() {
        ops = Testers.as(anonymous, TestTokens.ops());
        customerA = Testers.as(anonymous, TestTokens.customer(TestTokens.CUSTOMER_A));
    }

    private static GraphQlTester.Response orders(HttpGraphQlTester as, Integer first, String after, String status,
            String customerId) {
        return as.document(ORDERS).variable("first", first).variable("after", after).variable("status", status)
                .variable("customerId", customerId).execute();
    }

    @Test
    void pagesThroughAllOrdersNewestFirstForAnOperator() {
        List<String> ids = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            GraphQlTester.Response page = orders(ops, 2, after, null, null);
            page.path("orders.totalCount").entity(Integer.class).isEqualTo(3);
            ids.addAll(page.path("orders.edges[*].node.id").entityList(String.class).get());
            more = page.path("orders.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("orders.pageInfo.endCursor").entity(String.class).get();
        }

        assertThat(ids).containsExactly(FakeOrderQueries.DELIVERED, FakeOrderQueries.JUST_PLACED,
                FakeOrderQueries.SHIPPED);
    }

    @Test
    void filtersOrdersByStatusAndCustomerForAnOperator() {
        orders(ops, null, null, "PENDING", null)
                .path("orders.edges[*].node.id").entityList(String.class).containsExactly(FakeOrderQueries.JUST_PLACED);
        orders(ops, null, null, null, TestTokens.CUSTOMER_A)
                .path("orders.edges[*].node.customerId").entityList(String.class)
                .containsExactly(TestTokens.CUSTOMER_A, TestTokens.CUSTOMER_A)
                .path("orders.totalCount").entity(Integer.class).isEqualTo(2);
    }

    @Test
    void showsACustomerOnlyTheirOwnOrders() {
        orders(customerA, null, null, null, null)
                .path("orders.edges[*].node.id").entityList(String.class)
                .containsExactly(FakeOrderQueries.DELIVERED, FakeOrderQueries.SHIPPED);
        orders(customerA, null, null, null, TestTokens.CUSTOMER_B)
                .path("orders.edges").entityList(Object.class).hasSize(0)
                .path("orders.totalCount").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void refusesAPageOverAHundredWithATypedError() {
        orders(ops, 101, null, null, null).errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(error.getExtensions())
                        .containsEntry("classification", "BAD_REQUEST").containsEntry("code", "INVALID_PAGE_SIZE")));
    }

    @Test
    void refusesACursorItDidNotHandOut() {
        orders(ops, 2, "not-a-cursor", null, null).errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "INVALID_CURSOR")));
    }

    private static final String EVENTS = """
            query($id: ID!) { order(id: $id) { events { id type occurredAt causationId producer sagaId payload } } }""";

    @Test
    void showsOperatorsTheAuditTrailWithCausesAndPayloads() {
        ops.document(EVENTS).variable("id", FakeOrderQueries.SHIPPED).execute()
                .path("order.events[*].type").entityList(String.class).containsExactly("oms.order.v1.OrderPlaced",
                        "oms.payment.v1.AuthorizePayment", "oms.payment.v1.PaymentAuthorized")
                .path("order.events[0].occurredAt").entity(String.class).isEqualTo("2026-11-24T09:15:30.123456Z")
                .path("order.events[0].causationId").valueIsNull()
                .path("order.events[1].causationId").entity(String.class)
                .isEqualTo("11111111-1111-1111-1111-111111111111")
                .path("order.events[2].causationId").entity(String.class)
                .isEqualTo("44444444-4444-4444-4444-444444444444")
                .path("order.events[2].producer").entity(String.class).isEqualTo("payment")
                .path("order.events[2].sagaId").entity(String.class).isEqualTo("saga-1")
                .path("order.events[0].payload.order_id").entity(String.class).isEqualTo(FakeOrderQueries.SHIPPED)
                .path("order.events[0].payload.lines[0].quantity").entity(Integer.class).isEqualTo(2)
                .path("order.events[2].payload.authorized").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void showsCustomersTheirTimelineWithoutInternalStepsOrFields() {
        customerA.document(EVENTS).variable("id", FakeOrderQueries.SHIPPED).execute()
                .errors().verify()
                .path("order.events[*].type").entityList(String.class)
                .containsExactly("oms.order.v1.OrderPlaced", "oms.payment.v1.PaymentAuthorized")
                .path("order.events[1].id").entity(String.class).isEqualTo("22222222-2222-2222-2222-222222222222")
                .path("order.events[1].occurredAt").entity(String.class).isEqualTo("2026-11-24T09:16:02Z")
                .path("order.events[1].causationId").valueIsNull()
                .path("order.events[1].producer").valueIsNull()
                .path("order.events[1].sagaId").valueIsNull()
                .path("order.events[1].payload").valueIsNull();
    }

    @Test
    void startsCancellingAnOrderThroughTheOrderServiceWithTheCallersKey() {
        Testers.as(anonymous, TestTokens.customer(TestTokens.CUSTOMER_B)).document(CANCEL)
                .variable("id", FakeOrderQueries.JUST_PLACED).variable("reason", "changed my mind")
                .variable("key", "cancel-key-1").execute()
                .path("orderCancel.userErrors").entityList(Object.class).hasSize(0)
                .path("orderCancel.status").entity(String.class).isEqualTo("PENDING")
                .path("orderCancel.order.id").entity(String.class).isEqualTo(FakeOrderQueries.JUST_PLACED);

        assertThat(orderService.calls).contains(
                new FakeOrderService.Call("cancel", FakeOrderQueries.JUST_PLACED, "cancel-key-1"));
    }

    @Test
    void keysACancellationWithoutKeyByItsOrder() {
        ops.document(CANCEL).variable("id", FakeOrderQueries.JUST_PLACED).execute();

        assertThat(orderService.calls).contains(
                new FakeOrderService.Call("cancel", FakeOrderQueries.JUST_PLACED, "cancel:" + FakeOrderQueries.JUST_PLACED));
    }

    @Test
    void passesTheOrderServicesRefusalOnAsAUserError() {
        customerA.document(CANCEL).variable("id", FakeOrderQueries.SHIPPED).execute()
                .path("orderCancel.status").valueIsNull()
                .path("orderCancel.userErrors[0].code").entity(String.class).isEqualTo("ORDER_ALREADY_SHIPPED")
                .path("orderCancel.userErrors[0].field").entityList(String.class).containsExactly("orderId")
                .path("orderCancel.userErrors[0].message").entity(String.class).isEqualTo("the order has shipped");
    }

    @Test
    void refusesAnOverlongReasonOrBlankKeyBeforeAskingTheOrderService() {
        int before = orderService.calls.size();

        customerA.document(CANCEL).variable("id", FakeOrderQueries.SHIPPED).variable("reason", "x".repeat(501))
                .execute().path("orderCancel.userErrors[0].code").entity(String.class).isEqualTo("INVALID_INPUT")
                .path("orderCancel.userErrors[0].field").entityList(String.class).containsExactly("reason");
        customerA.document(CANCEL).variable("id", FakeOrderQueries.SHIPPED).variable("key", " ")
                .execute().path("orderCancel.userErrors[0].field").entityList(String.class)
                .containsExactly("idempotencyKey");

        assertThat(orderService.calls).hasSize(before);
    }
}
