package dev.oms.app;

import static dev.oms.app.HookReceiver.STATUS_CHANGED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.oms.app.invariants.InvariantChecker;
import dev.oms.app.invariants.Violation;
import dev.oms.app.platform.Platform;
import dev.oms.app.platform.PlatformSettings;
import dev.oms.infra.DbConfig;
import dev.oms.infra.LocalKafka;
import dev.oms.infra.SharedTestInfra;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 18's acceptance: a webhook receiver down for a minute while 200 orders go through. Every OrderStatusChanged of
 * those orders reaches it once it is back, each webhook-id exactly once among the successful deliveries, every
 * signature valid; the order throughput with the receiver down is printed beside that of batches with it up, one
 * before the outage and one after.
 */
class WebhookOutageE2EIT {
    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static final int ORDERS = 200;
    private static final List<String> CUSTOMERS = List.of("wh-ada", "wh-bob", "wh-cyd", "wh-dan", "wh-eve", "wh-fay");

    @Test
    void deliversEveryEventOnceAfterAnOutageWithoutSlowingOrders() throws Exception {
        LocalKafka kafka = LocalKafka.startTemporary();
        DbConfig db = SharedTestInfra.freshDatabase("webhook_outage");
        Platform platform = Platform.start(new PlatformSettings(Path.of("target/unused"), 0, 0, 0, Optional.of(db),
                Optional.of(kafka.bootstrapServers()), 4, Duration.ofMillis(200), true), line -> { });
        HikariDataSource data = db.dataSource("webhook-outage-it", null, 2);
        HookReceiver receiver = new HookReceiver();
        try {
            // JIT, pools and the planner's statistics warm, so that the measured batches compare
            placeBatch(platform, 300, "warm-up");
            await().atMost(Duration.ofSeconds(120)).until(new InvariantChecker(data)::quiescent);
            analyze(data);
            String endpointId = receiver.register(TestPlatform.shopOn(platform).asOps(), STATUS_CHANGED);

            // the receiver answering, before and after the outage: the machine may still drift, so both are printed
            Batch upBefore = placeBatch(platform, ORDERS, "receiver up, before");
            double upBeforeRate = ordersPerSecond(data, upBefore);
            HookReceiver.awaitAllDelivered(data, endpointId, upBefore.orders());

            Instant upAt = Instant.now().plus(OUTAGE);
            receiver.answer(() -> Instant.now().isBefore(upAt) ? 503 : 204);
            Batch down = placeBatch(platform, ORDERS, "receiver down");
            assertThat(Instant.now()).as("the batch ran while the receiver was down").isBefore(upAt);
            double downRate = ordersPerSecond(data, down);

            HookReceiver.awaitAllDelivered(data, endpointId, down.orders());
            Set<String> expected = HookReceiver.statusChangeIds(data, down.orders());
            Set<String> downIds = HookReceiver.deliveryIdsOf(data, endpointId, expected);
            List<String> deliveredIds = receiver.delivered().stream().filter(downIds::contains).toList();
            long refused = receiver.received().stream().filter(r -> r.answered() == 503).count();
            System.out.printf("webhooks: %d status changes of the batch, %d attempts refused during the outage, %d "
                    + "delivered after it%n", expected.size(), refused, deliveredIds.size());

            assertThat(expected).hasSizeGreaterThanOrEqualTo(ORDERS);
            assertThat(downIds).as("one delivery per status change").hasSameSizeAs(expected);
            assertThat(deliveredIds).as("each webhook-id once among the successful deliveries").doesNotHaveDuplicates();
            assertThat(new HashSet<>(deliveredIds)).isEqualTo(downIds);
            assertThat(refused).as("the outage was seen").isPositive();
            assertThat(refused).as("a receiver taken as down is probed, not sent every delivery")
                    .isLessThan(expected.size());
            assertThat(receiver.received()).allMatch(HookReceiver.Received::signatureValid);

            Batch upAfter = placeBatch(platform, ORDERS, "receiver up, after");
            double upAfterRate = ordersPerSecond(data, upAfter);
            HookReceiver.awaitAllDelivered(data, endpointId, upAfter.orders());
            assertThat(receiver.delivered()).as("no webhook-id delivered twice, in any batch").doesNotHaveDuplicates();
            System.out.printf("webhooks: orders/s with the receiver down %.1f; with it up %.1f before, %.1f after;"
                    + " ratio %.2f to their mean (%.2f to the one before, %.2f to the one after)%n", downRate,
                    upBeforeRate, upAfterRate, downRate / ((upBeforeRate + upAfterRate) / 2), downRate / upBeforeRate,
                    downRate / upAfterRate);

            InvariantChecker checker = new InvariantChecker(data);
            await().atMost(Duration.ofSeconds(120)).until(checker::quiescent);
            assertThat(checker.checkQuiescent()).isEmpty();

            try (Connection c = data.getConnection(); Statement s = c.createStatement()) {
                s.execute("""
                        INSERT INTO webhooks.dead_letter (consumer, message_id, topic, type, error, headers)
                        VALUES ('webhooks', gen_random_uuid(), 'oms.events', '%s', 'a test', '{}')""".formatted(STATUS_CHANGED));
            }
            assertThat(checker.check()).as("the webhooks service's dead letters count too")
                    .extracting(Violation::invariant, Violation::detail)
                    .contains(tuple("no message parked", "webhooks: " + STATUS_CHANGED));
        } finally {
            receiver.close();
            data.close();
            platform.close();
            kafka.close();
        }
    }

    record Batch(Instant start, List<String> orders) {}

    /** Places {@code count} orders from six customers at once; returns when every one was accepted. */
    private static Batch placeBatch(Platform platform, int count, String name) throws InterruptedException {
        Instant start = Instant.now();
        List<String> orders = Collections.synchronizedList(new ArrayList<>());
        ExecutorService customers = Executors.newFixedThreadPool(CUSTOMERS.size());
        for (int i = 0; i < count; i++) {
            Shop shop = TestPlatform.shopOn(platform).asCustomer(CUSTOMERS.get(i % CUSTOMERS.size()));
            String sku = "SKU-000" + (1 + i % 3);
            customers.submit(() -> orders.add(shop.placeOrder(sku, 1, "sandbox_ok")));
        }
        customers.shutdown();
        assertThat(customers.awaitTermination(5, TimeUnit.MINUTES)).as(name).isTrue();
        assertThat(orders).as(name).hasSize(count);
        return new Batch(start, List.copyOf(orders));
    }

    /** Orders from the first placement to the last PlaceOrder saga's end, per second. */
    private static double ordersPerSecond(HikariDataSource data, Batch batch) {
        Instant[] last = new Instant[1];
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Connection c = data.getConnection(); PreparedStatement select = c.prepareStatement("""
                    SELECT count(*), max(updated_at) FROM "order".saga_instance
                    WHERE saga_type = 'PlaceOrder' AND correlation_id = ANY (?) AND status IN ('COMPLETED', 'COMPENSATED')""")) {
                select.setArray(1, c.createArrayOf("text", batch.orders().toArray()));
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    last[0] = row.getTimestamp(2) == null ? null : row.getTimestamp(2).toInstant();
                    return row.getInt(1) == batch.orders().size();
                }
            }
        });
        return batch.orders().size() / (Duration.between(batch.start(), last[0]).toMillis() / 1000.0);
    }

    /** ANALYZE every table: the planner's statistics of a fresh database settle, not during a measured batch. */
    private static void analyze(HikariDataSource data) throws SQLException {
        try (Connection c = data.getConnection(); Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
    }
}
