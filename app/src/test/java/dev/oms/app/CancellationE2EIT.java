package dev.oms.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.oms.app.platform.Platform;
import dev.oms.app.platform.PlatformSettings;
import dev.oms.infra.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A customer cancels through GraphQL. Before shipping the order ends CANCELLED with the money given back
 * and the stock released (on a platform whose parcels take minutes to move, so "before shipping" is
 * certain); once shipped, the cancellation is refused with a typed error.
 */
class CancellationE2EIT {
    private static final String CANCEL = """
            mutation($id: ID!, $k: String) { orderCancel(orderId: $id, reason: "changed my mind", idempotencyKey: $k) {
              status userErrors { field message code } } }""";
    private static Platform slowShipping;
    private static Shop shop;

    @BeforeAll
    static void platformWhoseParcelsTakeTheirTime() throws Exception {
        Path dataDir = Files.createTempDirectory("oms-cancel-");
        slowShipping = Platform.start(new PlatformSettings(dataDir, 0, Ports.freePort(), Ports.freePort(), Optional.empty(),
                Optional.empty(), 2, Duration.ofMinutes(5), true), line -> { });
        shop = TestPlatform.shopOn(slowShipping).asCustomer("carla");
        await().atMost(Duration.ofSeconds(30)).until(() -> shop.available("SKU-0008") > 0);
    }

    @AfterAll
    static void stop() {
        slowShipping.close();
    }

    @Test
    void aPlacedOrderCancelledBeforeShippingIsRefundedAndItsStockReleased() {
        long before = shop.available("SKU-0008");
        String orderId = shop.placeOrder("SKU-0008", 2, "sandbox_ok");
        assertThat(shop.awaitSagaEnd(orderId).get("saga").get("status").asText()).isEqualTo("COMPLETED");

        JsonNode cancel = cancel(shop, orderId, UUID.randomUUID().toString());

        assertThat(cancel.get("userErrors")).isEmpty();
        JsonNode order = shop.awaitStatus(orderId, "CANCELLED");
        await().atMost(Duration.ofSeconds(10)).until(() -> shop.order(orderId).get("payment").get("status").asText()
                .equals("REFUNDED"));
        assertThat(order.get("shipments")).allSatisfy(s -> assertThat(s.get("status").asText()).isEqualTo("CANCELLED"));
        await().atMost(Duration.ofSeconds(10)).until(() -> shop.available("SKU-0008") == before);
    }

    @Test
    void cancellingWhileThePaymentHangsVoidsItAndReleasesTheStock() {
        long before = shop.available("SKU-0009");
        String orderId = shop.placeOrder("SKU-0009", 1, "sandbox_timeout");
        await().atMost(Duration.ofSeconds(10)).until(() -> !shop.order(orderId).isNull());
        String key = UUID.randomUUID().toString();

        JsonNode first = cancel(shop, orderId, key);
        JsonNode again = cancel(shop, orderId, key);

        assertThat(first.get("userErrors")).isEmpty();
        assertThat(again.get("userErrors")).isEmpty();
        JsonNode order = shop.awaitSagaEnd(orderId);
        assertThat(order.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(order.get("payment").get("status").asText()).isEqualTo("VOIDED");
        await().atMost(Duration.ofSeconds(10)).until(() -> shop.available("SKU-0009") == before);
    }

    @Test
    void aShippedOrderCannotBeCancelled() {
        Shop fastShop = TestPlatform.shopFor("carla");
        String orderId = fastShop.placeOrder("SKU-0010", 1, "sandbox_ok");
        await().atMost(Duration.ofSeconds(60)).until(() -> shop(fastShop, orderId).matches("SHIPPED|DELIVERED"));

        JsonNode refused = cancel(fastShop, orderId, UUID.randomUUID().toString());

        assertThat(refused.get("userErrors")).extracting(e -> e.get("code").asText()).containsExactly("ORDER_ALREADY_SHIPPED");
        assertThat(shop(fastShop, orderId)).isIn("SHIPPED", "DELIVERED");
    }

    /** The order's status, or "" while the read model has not caught up with the checkout yet. */
    private static String shop(Shop on, String orderId) {
        JsonNode order = on.order(orderId);
        return order == null || order.isNull() ? "" : order.get("status").asText();
    }

    private static JsonNode cancel(Shop on, String orderId, String key) {
        return on.graphql().data(CANCEL, Map.of("id", orderId, "k", key)).get("orderCancel");
    }
}
