package dev.oms.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Each sandbox payment token, placed through GraphQL, ends in the state the design gives it. */
class SandboxTokensE2EIT {
    private static final Map<String, JsonNode> ENDED = new LinkedHashMap<>();

    @BeforeAll
    static void placeOneOrderPerToken() {
        Shop shop = TestPlatform.shopFor("tokens");
        Map<String, String> orders = new LinkedHashMap<>();
        for (String token : new String[] {"sandbox_ok", "sandbox_decline", "sandbox_timeout", "sandbox_flaky",
                "sandbox_capture_fails_once"}) {
            orders.put(token, shop.placeOrder("SKU-0007", 1, token));
        }
        orders.forEach((token, orderId) -> ENDED.put(token, shop.awaitSagaEnd(orderId)));
    }

    @Test
    void okCompletesAndCaptures() {
        assertCompletedAndCaptured(ENDED.get("sandbox_ok"));
    }

    @Test
    void declineRejectsWithoutTakingMoney() {
        JsonNode order = ENDED.get("sandbox_decline");
        assertThat(order.get("status").asText()).isEqualTo("REJECTED");
        assertThat(order.get("saga").get("status").asText()).isEqualTo("COMPENSATED");
        assertThat(order.get("payment").get("status").asText()).isEqualTo("DECLINED");
    }

    @Test
    void anAuthorizationThatNeverAnswersIsVoidedAndTheOrderRejected() {
        JsonNode order = ENDED.get("sandbox_timeout");
        assertThat(order.get("status").asText()).isEqualTo("REJECTED");
        assertThat(order.get("saga").get("status").asText()).isEqualTo("COMPENSATED");
        assertThat(order.get("payment").get("status").asText()).isEqualTo("VOIDED");
        assertThat(step(order, "authorize_payment").get("status").asText()).isEqualTo("COMPENSATED");
        assertThat(step(order, "reserve_stock").get("status").asText()).isEqualTo("COMPENSATED");
    }

    @Test
    void aFlakyProviderIsRetriedUntilItApproves() {
        assertCompletedAndCaptured(ENDED.get("sandbox_flaky"));
    }

    @Test
    void aCaptureThatFailsOnceIsRetriedAndCapturedOnce() {
        JsonNode order = ENDED.get("sandbox_capture_fails_once");
        assertCompletedAndCaptured(order);
        assertThat(step(order, "capture_payment").get("attempts").asInt()).isEqualTo(2);
    }

    private static void assertCompletedAndCaptured(JsonNode order) {
        assertThat(order.get("saga").get("status").asText()).isEqualTo("COMPLETED");
        assertThat(order.get("status").asText()).isIn("FULFILLING", "SHIPPED", "DELIVERED");
        assertThat(order.get("payment").get("status").asText()).isEqualTo("CAPTURED");
    }

    private static JsonNode step(JsonNode order, String name) {
        for (JsonNode step : order.get("saga").get("steps")) {
            if (step.get("name").asText().equals(name)) {
                return step;
            }
        }
        throw new AssertionError("no step " + name + " in " + order);
    }
}
