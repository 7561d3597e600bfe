package dev.oms.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.oms.app.platform.Platform;
import dev.oms.cart.api.CatalogItem;
import dev.oms.cart.api.Money;
import dev.oms.inventory.api.StockSeed;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Ten customers race for the last five units: five get them, five are turned away, stock never goes negative. */
class OversellE2EIT {

    @Test
    void tenConcurrentCheckoutsForFiveUnitsConfirmExactlyFive() throws Exception {
        Platform platform = TestPlatform.shared();
        Shop shop = TestPlatform.shop();
        String sku = "LIM-" + UUID.randomUUID().toString().substring(0, 8);
        platform.cart().seedCatalog(List.of(new CatalogItem(sku, "Race item", new Money(1_000, "EUR"))));
        platform.inventory().seed(List.of(new StockSeed(sku, "WH-EAST", 5)));

        List<String> orderIds = placeConcurrently(shop, sku, 10);
        List<JsonNode> orders = orderIds.stream().map(shop::awaitSagaEnd).toList();

        assertThat(orders).filteredOn(o -> o.get("saga").get("status").asText().equals("COMPLETED")).hasSize(5);
        assertThat(orders).filteredOn(o -> o.get("status").asText().equals("REJECTED")).hasSize(5);
        await().atMost(Duration.ofSeconds(10)).until(() -> shop.available(sku) == 0);
    }

    private static List<String> placeConcurrently(Shop shop, String sku, int customers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(customers);
        try {
            List<Future<String>> placed = new java.util.ArrayList<>();
            for (int i = 0; i < customers; i++) {
                placed.add(pool.submit(() -> shop.placeOrder(sku, 1, "sandbox_ok")));
            }
            List<String> ids = new java.util.ArrayList<>();
            for (Future<String> f : placed) {
                ids.add(f.get());
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }
}
