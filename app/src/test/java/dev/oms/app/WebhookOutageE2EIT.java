package dev.oms.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import dev.oms.app.invariants.InvariantChecker;
import dev.oms.app.platform.Platform;
import dev.oms.app.platform.PlatformSettings;
import dev.oms.infra.DbConfig;
import dev.oms.infra.LocalKafka;
import dev.oms.infra.SharedTestInfra;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18's acceptance: a webhook receiver down for a minute while 200 orders go through. Every OrderStatusChanged of
 * those orders reaches it once it is back, each webhook-id exactly once among the successful deliveries, every
 * signature valid; the order throughput with the receiver down is printed beside that of a batch without webhooks.
 */
class WebhookOutageE2EIT {
    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static final int ORDERS = 200;
    private static final String TYPE = "oms.order.v1.OrderStatusChanged";
    private static final List<String> CUSTOMERS = List.of("wh-ada", "wh-bob", "wh-cyd", "wh-dan", "wh-eve", "wh-fay");

    record Received(String id, int answered, boolean signatureValid) {}

    @Test
    void deliversEveryEventOnceAfterAnOutageWithoutSlowingOrders() throws Exception {
        LocalKafka kafka = LocalKafka.startTemporary();
        DbConfig db = SharedTestInfra.freshDatabase("webhook_outage");
        Platform platform = Platform.start(new PlatformSettings(Path.of("target/unused"), 0, 0, 0, Optional.of(db),
                Optional.of(kafka.bootstrapServers()), 4, Duration.ofMillis(200), true), line -> { });
        HikariDataSource data = db.dataSource("webhook-outage-it", null, 2);
        ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
        String[] secret = new String[1];
        Instant[] upAt = {Instant.MAX};
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = Instant.now().isBefore(upAt[0]) ? 503 : 204;
            received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"), status,
                    valid(secret[0], exchange.getRequestHeaders().getFirst("webhook-id"),
                            exchange.getRequestHeaders().getFirst("webhook-timestamp"), body,
                            exchange.getRequestHeaders().getFirst("webhook-signature"))));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        try {
            Shop ops = TestPlatform.shopOn(platform).asOps();
            placeBatch(platform, 100, "warm-up"); // JIT and pools warm, so that the measured batches compare
            await().atMost(Duration.ofSeconds(120)).until(new InvariantChecker(data)::quiescent);
            // a batch without webhooks before and one after: the machine is shared and still warming up, so both are
            // printed, and the ratio to each
            double before = ordersPerSecond(data, placeBatch(platform, ORDERS, "no webhook, before"));

            JsonNode created = ops.graphql().data("""
                    mutation($u: String!) { webhookEndpointCreate(url: $u, eventTypes: ["%s"], description: "outage test") {
                      endpoint { id } secret userErrors { code message } } }""".formatted(TYPE),
                    Map.of("u", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"))
                    .get("webhookEndpointCreate");
            assertThat(created.get("userErrors")).isEmpty();
            String endpointId = created.get("endpoint").get("id").asText();
            secret[0] = created.get("secret").asText();
            upAt[0] = Instant.now().plus(OUTAGE);

            Batch down = placeBatch(platform, ORDERS, "receiver down");
            assertThat(Instant.now()).as("the batch ran while the receiver was down").isBefore(upAt[0]);
            double downRate = ordersPerSecond(data, down);

            // every status change of those orders, as the order service published it (the audit log keeps each)
            await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                Set<String> expected = statusChangeIds(data, down.orders());
                Map<String, String> deliveries = deliveriesByMessage(data, endpointId);
                return deliveries.keySet().containsAll(expected)
                        && deliveries.values().stream().allMatch("DELIVERED"::equals);
            });
            Set<String> expected = statusChangeIds(data, down.orders());
            Map<String, String> deliveries = deliveriesByMessage(data, endpointId);
            List<String> deliveredIds = received.stream().filter(r -> r.answered() / 100 == 2).map(Received::id).toList();
            long failedAttempts = received.stream().filter(r -> r.answered() == 503).count();
            System.out.printf("webhooks: %d status changes of the batch, %d deliveries, %d attempts refused during the "
                    + "outage, %d delivered after it%n", expected.size(), deliveries.size(), failedAttempts,
                    deliveredIds.size());

            assertThat(expected).hasSizeGreaterThanOrEqualTo(ORDERS);
            assertThat(deliveredIds).as("each webhook-id once among the successful deliveries").doesNotHaveDuplicates();
            assertThat(new HashSet<>(deliveredIds)).isEqualTo(deliveryIds(data, endpointId));
            assertThat(failedAttempts).as("the outage was seen").isPositive();
            assertThat(received).allMatch(Received::signatureValid);

            ops.graphql().data("mutation($e: ID!) { webhookEndpointDisable(endpointId: $e) { userErrors { code } } }",
                    Map.of("e", endpointId));
            Batch without = placeBatch(platform, ORDERS, "no webhook");
            double withoutRate = ordersPerSecond(data, without);
            System.out.printf("webhooks: orders/s with the receiver down %.1f; without webhooks %.1f before, %.1f after;"
                    + " ratio %.2f to the one before, %.2f to the one after%n", downRate, before, withoutRate,
                    downRate / before, downRate / withoutRate);

            InvariantChecker checker = new InvariantChecker(data);
            await().atMost(Duration.ofSeconds(120)).until(checker::quiescent);
            assertThat(checker.checkQuiescent()).isEmpty();
        } finally {
            receiver.stop(0);
            data.close();
            platform.close();
            kafka.close();
        }
    }

    record Batch(Instant start, List<String> orders) {}

    /** Places {@code count} orders from six customers at once; returns when every one was accepted. */
    private static Batch placeBatch(Platform platform, int count, String name) throws InterruptedException {
        Instant start = Instant.now();
        List<String> orders = java.util.Collections.synchronizedList(new ArrayList<>());
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

    private static Set<String> statusChangeIds(HikariDataSource data, List<String> orders) throws SQLException {
        try (Connection c = data.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT message_id::text FROM audit.message WHERE type = ? AND correlation_id = ANY (?)")) {
            select.setString(1, TYPE);
            select.setArray(2, c.createArrayOf("text", orders.toArray()));
            Set<String> ids = new HashSet<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getString(1));
                }
            }
            return ids;
        }
    }

    private static Map<String, String> deliveriesByMessage(HikariDataSource data, String endpointId) throws SQLException {
        Map<String, String> byMessage = new HashMap<>();
        try (Connection c = data.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT message_id::text, status FROM webhooks.webhook_delivery WHERE endpoint_id = ?")) {
            select.setString(1, endpointId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    byMessage.put(row.getString(1), row.getString(2));
                }
            }
        }
        return byMessage;
    }

    private static Set<String> deliveryIds(HikariDataSource data, String endpointId) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection c = data.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT delivery_id FROM webhooks.webhook_delivery WHERE endpoint_id = ?")) {
            select.setString(1, endpointId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getString(1));
                }
            }
        }
        return ids;
    }

    /** Standard Webhooks verification, independent of the service's code. */
    private static boolean valid(String secret, String id, String timestamp, String body, String header) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = "v1," + Base64.getEncoder().encodeToString(
                    mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
            return header != null && List.of(header.split(" ")).contains(expected)
                    && Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) < 300;
        } catch (Exception e) {
            return false;
        }
    }
}
