package dev.oms.bff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The operators' fields: sagas, inventory, metrics. */
@GraphQlApiTest
class OperationsApiIT {
    private static final String SAGA_FIELDS = """
            id type status orderId startedAt updatedAt
            steps { name kind status attempts error startedAt endedAt }""";

    @Autowired
    HttpGraphQlTester anonymous;
    @Autowired
    FakeInventoryCommands inventory;

    HttpGraphQlTester ops;

    @BeforeEach
    void signInAsOperator() {
        ops = Testers.as(anonymous, TestTokens.ops());
    }

    @Test
    void listsSagasWithTheirSteps() {
        ops.document("{ sagas(first: 10) { edges { cursor node { " + SAGA_FIELDS + " } } pageInfo { hasNextPage } totalCount } }")
                .execute()
                .path("sagas.totalCount").entity(Integer.class).isEqualTo(2)
                .path("sagas.edges[*].node.id").entityList(String.class)
                .containsExactly(FakeOrderService.STUCK_SAGA, FakeOrderService.COMPLETED_SAGA)
                .path("sagas.edges[0].node.orderId").entity(String.class).isEqualTo(FakeOrderQueries.JUST_PLACED)
                .path("sagas.edges[0].node.steps[1].attempts").entity(Integer.class).isEqualTo(4)
                .path("sagas.edges[0].node.steps[1].error").entity(String.class).isEqualTo("provider timeout")
                .path("sagas.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }

    @Test
    void findsTheStuckSagasByStatusAndIdleTime() {
        ops.document("""
                        { sagas(status: RUNNING, updatedBefore: "2026-11-24T09:05:00Z") { edges { node { id } } } }""")
                .execute()
                .path("sagas.edges[*].node.id").entityList(String.class).containsExactly(FakeOrderService.STUCK_SAGA);
        ops.document("""
                        { sagas(status: RUNNING, updatedBefore: "2026-11-24T09:00:10Z") { totalCount } }""")
                .execute()
                .path("sagas.totalCount").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void showsWhenEachStepOfASagaStartedAndEnded() {
        ops.document("query($id: ID!) { saga(id: $id) { " + SAGA_FIELDS + " } }")
                .variable("id", FakeOrderService.STUCK_SAGA).execute()
                .path("saga.startedAt").entity(String.class).isEqualTo("2026-11-24T09:00:00Z")
                .path("saga.steps[0].startedAt").entity(String.class).isEqualTo("2026-11-24T09:00:00Z")
                .path("saga.steps[0].endedAt").entity(String.class).isEqualTo("2026-11-24T09:00:01Z")
                .path("saga.steps[1].endedAt").valueIsNull()
                .path("saga.steps[1].kind").entity(String.class).isEqualTo("COMPENSATABLE");
        ops.document("{ saga(id: \"no-such-saga\") { id } }").execute().path("saga").valueIsNull();
    }

    @Test
    void retriesAndCompensatesASagaThroughTheOrderService() {
        ops.document("mutation($id: ID!) { sagaRetry(id: $id) { status saga { id } userErrors { code } } }")
                .variable("id", FakeOrderService.STUCK_SAGA).execute()
                .path("sagaRetry.status").entity(String.class).isEqualTo("RUNNING")
                .path("sagaRetry.saga.id").entity(String.class).isEqualTo(FakeOrderService.STUCK_SAGA)
                .path("sagaRetry.userErrors").entityList(Object.class).hasSize(0);
        ops.document("mutation($id: ID!) { sagaCompensate(id: $id) { status userErrors { code } } }")
                .variable("id", FakeOrderService.STUCK_SAGA).execute()
                .path("sagaCompensate.status").entity(String.class).isEqualTo("COMPENSATING");
    }

    @Test
    void passesTheOrderServicesRefusalOfASagaActionOnAsAUserError() {
        ops.document("""
                        mutation($id: ID!) { sagaRetry(id: $id) { status saga { id } userErrors { field message code } } }""")
                .variable("id", FakeOrderService.COMPLETED_SAGA).execute()
                .path("sagaRetry.status").valueIsNull()
                .path("sagaRetry.saga").valueIsNull()
                .path("sagaRetry.userErrors[0].code").entity(String.class).isEqualTo("SAGA_NOT_ACTIONABLE")
                .path("sagaRetry.userErrors[0].field").entityList(String.class).containsExactly("id")
                .path("sagaRetry.userErrors[0].message").entity(String.class).isEqualTo("the saga has completed");
        ops.document("mutation { sagaCompensate(id: \"nope\") { userErrors { code } } }").execute()
                .path("sagaCompensate.userErrors[0].code").entity(String.class).isEqualTo("SAGA_NOT_FOUND");
    }

    @Test
    void showsTheStockOfASkuInEveryWarehouse() {
        ops.document("{ inventory(sku: \"SKU-1\") { sku warehouse onHand reserved available updatedAt } }").execute()
                .path("inventory[*].warehouse").entityList(String.class).containsExactly("berlin", "lyon")
                .path("inventory[0].onHand").entity(Long.class).isEqualTo(12L)
                .path("inventory[0].reserved").entity(Long.class).isEqualTo(4L)
                .path("inventory[0].available").entity(Long.class).isEqualTo(8L)
                .path("inventory[1].updatedAt").entity(String.class).isEqualTo("2026-11-24T09:00:05Z");
        ops.document("{ inventory(sku: \"SKU-404\") { sku } }").execute()
                .path("inventory").entityList(Object.class).hasSize(0);
    }

    @Test
    void adjustsStockThroughTheInventoryService() {
        ops.document("""
                        mutation { inventoryAdjust(sku: "SKU-1", warehouse: "berlin", delta: 5, reason: "delivery") {
                          stockLevel { sku warehouse onHand reserved available updatedAt } userErrors { code } } }""")
                .execute()
                .path("inventoryAdjust.stockLevel.onHand").entity(Long.class).isEqualTo(17L)
                .path("inventoryAdjust.stockLevel.available").entity(Long.class).isEqualTo(13L)
                .path("inventoryAdjust.stockLevel.updatedAt").valueIsNull()
                .path("inventoryAdjust.userErrors").entityList(Object.class).hasSize(0);

        assertThat(inventory.reasons).contains("delivery");
    }

    @Test
    void passesTheInventoryServicesRefusalOnAsAUserError() {
        ops.document("""
                        mutation { inventoryAdjust(sku: "SKU-1", warehouse: "berlin", delta: -10, reason: "count") {
                          stockLevel { onHand } userErrors { field message code } } }""")
                .execute()
                .path("inventoryAdjust.stockLevel").valueIsNull()
                .path("inventoryAdjust.userErrors[0].code").entity(String.class).isEqualTo("BELOW_RESERVED")
                .path("inventoryAdjust.userErrors[0].field").entityList(String.class).containsExactly("delta");
    }

    @Test
    void refusesAnAdjustmentWithoutReasonOrChangeBeforeAskingTheInventoryService() {
        int before = inventory.reasons.size();

        ops.document("""
                        mutation { inventoryAdjust(sku: "SKU-1", warehouse: " ", delta: 0, reason: "") {
                          stockLevel { onHand } userErrors { field code } } }""")
                .execute()
                .path("inventoryAdjust.userErrors[*].field").entityList(Object.class).hasSize(3)
                .path("inventoryAdjust.userErrors[*].code").entityList(String.class)
                .containsExactly("INVALID_INPUT", "INVALID_INPUT", "INVALID_INPUT");

        assertThat(inventory.reasons).hasSize(before);
    }

    @Test
    void reportsTheBusinessMetrics() {
        ops.document("""
                        { metrics { ordersPlaced ordersConfirmed ordersRejected ordersDelivered orderSuccessRate
                                    fulfillmentLatencyP50 fulfillmentLatencyP95 ordersRefunded returnsRequested
                                    returnsRefunded } }""")
                .execute()
                .path("metrics.ordersPlaced").entity(Long.class).isEqualTo(10L)
                .path("metrics.ordersConfirmed").entity(Long.class).isEqualTo(8L)
                .path("metrics.ordersRejected").entity(Long.class).isEqualTo(2L)
                .path("metrics.ordersDelivered").entity(Long.class).isEqualTo(5L)
                .path("metrics.orderSuccessRate").entity(Double.class).isEqualTo(0.8)
                .path("metrics.fulfillmentLatencyP50").entity(Double.class).isEqualTo(42.5)
                .path("metrics.fulfillmentLatencyP95").entity(Double.class).isEqualTo(90.25)
                .path("metrics.ordersRefunded").entity(Long.class).isEqualTo(3L)
                .path("metrics.returnsRequested").entity(Long.class).isEqualTo(4L)
                .path("metrics.returnsRefunded").entity(Long.class).isEqualTo(2L);
    }
}
