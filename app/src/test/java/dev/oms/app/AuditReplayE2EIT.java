package dev.oms.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.oms.app.invariants.InvariantChecker;
import dev.oms.app.platform.MessageRedelivery;
import dev.oms.app.platform.Platform;
import dev.oms.cart.api.CatalogItem;
import dev.oms.cart.api.Money;
import dev.oms.inventory.api.StockSeed;
import dev.oms.projections.ProjectionsService;
import dev.oms.projections.replay.Comparison;
import dev.oms.projections.replay.ProjectionReplay;
import dev.oms.projections.replay.ReplayableProjection;
import dev.oms.projections.replay.TableChecksum;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Orders through the whole platform: every message of each lands in the audit log, the order view rebuilt from it
 * equals the live one, and re-delivering all of history to every consumer applies nothing twice: every table of
 * every service keeps its checksum and the cross-service invariants hold.
 */
class AuditReplayE2EIT {
    /** Orders placed; the acceptance run uses 1,000: {@code -Doms.e2e.orders=1000}. */
    private static final int ORDERS = Integer.getInteger("oms.e2e.orders", 30);

    @Test
    void auditLogRebuildsTheOrderViewAndRedeliveryChangesNothing() throws Exception {
        Platform platform = TestPlatform.shared();
        Shop shop = TestPlatform.shop();
        Instant start = Instant.now().minusSeconds(1);
        String sku = "AUD-" + UUID.randomUUID().toString().substring(0, 8);
        platform.cart().seedCatalog(List.of(new CatalogItem(sku, "Audited item", new Money(1_000, "EUR"))));
        platform.inventory().seed(List.of(new StockSeed(sku, "WH-EAST", ORDERS / 2)));
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            orders.add(shop.placeOrder(sku, 1, i % 5 == 4 ? "sandbox_decline" : "sandbox_ok"));
        }
        try (HikariDataSource db = platform.db().dataSource("audit-e2e", ProjectionsService.NAME, 8)) {
            String placed = "'" + String.join("','", orders) + "'";
            await().atMost(Duration.ofMinutes(5)).until(() -> count(db, "order_saga_view WHERE order_id IN (" + placed
                    + ") AND status IN ('COMPLETED', 'COMPENSATED')") == ORDERS);
            String order = orders.get(0);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    count(db, "audit.message WHERE correlation_id = '" + order + "' AND topic <> 'oms.events'") > 0
                            && count(db, "audit.message WHERE correlation_id = '" + order
                            + "' AND type = 'oms.order.v1.OrderPlaced'") == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> count(db, """
                    projections.inbox i WHERE NOT EXISTS (SELECT 1 FROM audit.message m WHERE m.message_id = i.message_id)
                    """) == 0);

            InvariantChecker invariants = new InvariantChecker(db);
            await().atMost(Duration.ofMinutes(2)).until(invariants::quiescent);
            Map<String, String> settled = awaitSettled(db);

            ReplayableProjection orderView = ReplayableProjection.named("order_view");
            ProjectionReplay.Report report = new ProjectionReplay(db)
                    .rebuild(orderView, new ProjectionReplay.Options(null, 4, true), (done, total) -> { });
            System.out.printf("rebuilt order_view after %d orders: %d events (+%d at the swap) in %d ms, %.0f events/s%n",
                    ORDERS, report.events(), report.tailEvents(), report.elapsed().toMillis(), report.eventsPerSecond());
            assertThat(report.events()).isPositive();
            assertThat(report.comparison()).isEqualTo(new Comparison.Equal());
            assertThat(everyTable(db)).isEqualTo(settled);

            for (String consumer : MessageRedelivery.CONSUMERS) {
                List<MessageRedelivery.Outcome> outcomes = MessageRedelivery.run(platform.db(),
                        new MessageRedelivery.Request(consumer, Set.of(), start, null, false, false), outcome -> { });
                assertThat(outcomes).as(consumer).isNotEmpty()
                        .allSatisfy(outcome -> assertThat(outcome.result()).isEqualTo("APPLIED"));
            }
            assertThat(everyTable(db)).isEqualTo(settled);
            assertThat(invariants.checkQuiescent()).isEmpty();
        }
    }

    /** Every table's checksum once two looks a moment apart agree: shipments still moving to DELIVERED have arrived. */
    private static Map<String, String> awaitSettled(HikariDataSource db) {
        List<Map<String, String>> looks = new ArrayList<>(List.of(Map.of()));
        return await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Map<String, String> now = everyTable(db);
            return looks.set(0, now).equals(now) ? now : null;
        }, Objects::nonNull);
    }

    /** The checksum of every table of every schema, rebuilds' scratch schemas and migration histories left out. */
    private static Map<String, String> everyTable(HikariDataSource db) throws SQLException {
        Map<String, String> sums = new TreeMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet tables = s.executeQuery("""
                SELECT table_schema, table_name FROM information_schema.tables
                 WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
                   AND table_schema NOT LIKE '%\\_replay\\_%' AND table_schema NOT LIKE '%\\_retired\\_%'
                   AND table_name NOT LIKE '%schema\\_history'""")) {
            List<String[]> names = new ArrayList<>();
            while (tables.next()) {
                names.add(new String[] {tables.getString(1), tables.getString(2)});
            }
            for (String[] name : names) {
                sums.put(name[0] + "." + name[1], TableChecksum.of(c, name[0], name[1]));
            }
        }
        return sums;
    }

    private static long count(HikariDataSource db, String fromWhere) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SELECT count(*) FROM " + fromWhere)) {
            row.next();
            return row.getLong(1);
        }
    }
}
