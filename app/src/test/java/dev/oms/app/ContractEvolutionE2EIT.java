package dev.oms.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.oms.app.contracts.MessageRegistryReader;
import dev.oms.app.contracts.Registration;
import dev.oms.app.contracts.SchemaCompatibility;
import dev.oms.app.platform.Platform;
import dev.oms.app.platform.ServiceLauncher;
import dev.oms.inventory.InventoryService;
import dev.oms.inventory.api.InventoryConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.Test;

/**
 * A rolling upgrade in one test: an inventory copy still emitting StockReserved v1 runs beside the platform's copy
 * emitting v2, in the same consumer group; the order saga reads both (v1 upcast on the way in) and every order
 * completes.
 */
class ContractEvolutionE2EIT {
    private static final String V1 = "oms.inventory.v1.StockReserved";
    private static final String V2 = "oms.inventory.v2.StockReserved";

    @Test
    void ordersCompleteWhileV1AndV2StockReservedProducersRunSideBySide() throws Exception {
        Platform platform = TestPlatform.shared();
        Shop shop = TestPlatform.shop();
        try (AutoCloseable oldInventory = ServiceLauncher.startInventory(platform.db(), platform.kafkaBootstrap(),
                new InventoryConfig(InventoryConfig.DEFAULT_RESERVATION_TTL, 1))) {
            awaitTwoInventoryCopiesSharingThePartitions(platform.kafkaBootstrap());

            List<String> orderIds = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                orderIds.add(shop.placeOrder("SKU-000" + (i % 9 + 1), 1, "sandbox_ok"));
            }
            for (String orderId : orderIds) {
                assertThat(shop.awaitSagaEnd(orderId).get("saga").get("status").asText()).isEqualTo("COMPLETED");
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> stockReservedTypesOf(platform, orderIds).size() == 2);
            assertThat(stockReservedTypesOf(platform, orderIds)).containsExactly(V1, V2);
        }
        try (HikariDataSource pool = platform.db().dataSource("registry-reader", null, 1); Connection c = pool.getConnection()) {
            List<Registration> registry = MessageRegistryReader.readAll(c);
            assertThat(registry).filteredOn(r -> r.role() == Registration.Role.PRODUCES && r.party().equals("inventory"))
                    .extracting(Registration::type).contains(V1, V2);
            assertThat(registry).filteredOn(r -> r.role() == Registration.Role.CONSUMES && r.party().equals("order"))
                    .extracting(Registration::type).contains(V1, V2);
            assertThat(SchemaCompatibility.gaps(registry)).isEmpty();
        }
    }

    /** The StockReserved versions the audit log recorded for these orders. */
    private static Set<String> stockReservedTypesOf(Platform platform, List<String> orderIds) throws Exception {
        try (HikariDataSource pool = platform.db().dataSource("audit-reader", null, 1); Connection c = pool.getConnection();
             PreparedStatement query = c.prepareStatement("SELECT DISTINCT type FROM audit.message "
                     + "WHERE type LIKE '%.StockReserved' AND correlation_id = ANY (?)")) {
            query.setArray(1, c.createArrayOf("text", orderIds.toArray()));
            Set<String> types = new TreeSet<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    types.add(row.getString(1));
                }
            }
            return types;
        }
    }

    private static void awaitTwoInventoryCopiesSharingThePartitions(String kafka) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(InventoryService.NAME))
                        .all().get().get(InventoryService.NAME);
                return group.members().size() == 2
                        && group.members().stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty());
            });
        }
    }
}
