package dev.oms.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.oms.app.invariants.InvariantChecker;
import dev.oms.app.platform.Platform;
import dev.oms.app.platform.PlatformSettings;
import dev.oms.infra.DbConfig;
import dev.oms.infra.LocalKafka;
import dev.oms.infra.SharedTestInfra;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13 end to end: the fulfillment service is held back (its inbox locked, as docs/playbooks/failure-injection.md
 * does for inventory) while orders wait on create_shipment; a cancellation arrives then, and the lock is kept until the
 * saga has sent CreateShipment again after its step timeout. Once the warehouse answers, the shipment it created is
 * cancelled and the order undone: nothing ships for a cancelled order whose payment was voided. Parcels move on every
 * three seconds here, so a shipment that survived would visibly go on to SHIPPED. The order service keeps its default
 * step timeout (10 s, the platform takes it from OMS_SAGA_STEP_TIMEOUT only), so each test holds the lock about 11 s.
 */
class CancelWhileShippingE2EIT {
    private static final int ORDERS = 8;
    private static final Duration PARCEL_STEP = Duration.ofSeconds(3);
    private static final String CANCEL = """
            mutation($id: ID!, $k: String) { orderCancel(orderId: $id, reason: "changed my mind", idempotencyKey: $k) {
              status cancellation userErrors { field message code } } }""";
    private static final String COMPENSATE = """
            mutation($id: ID!) { sagaCompensate(id: $id) { status compensationPending userErrors { field message code } } }""";

    private static LocalKafka kafka;
    private static Platform platform;
    private static DbConfig db;
    private static HikariDataSource checkerData;

    @BeforeAll
    static void platformWhoseParcelsMoveEveryTwoSeconds() {
        kafka = LocalKafka.startTemporary();
        db = SharedTestInfra.freshDatabase("cancel_shipping");
        platform = Platform.start(new PlatformSettings(Path.of("target/unused"), 0, 0, 0, Optional.of(db),
                Optional.of(kafka.bootstrapServers()), 4, PARCEL_STEP, true), line -> { });
        checkerData = db.dataSource("invariant-checker", null, 2);
        Shop ops = TestPlatform.shopOn(platform);
        await().atMost(Duration.ofSeconds(30)).until(() -> ops.available("SKU-0013") > 0 && ops.available("SKU-0014") > 0);
    }

    @AfterAll
    static void stop() {
        if (checkerData != null) {
            checkerData.close();
        }
        if (platform != null) {
            platform.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void customerCancellationsWhileTheShipmentIsRequestedWaitForTheWarehouseThenNothingShipsAndThePaymentIsVoided()
            throws Exception {
        long started = System.nanoTime();
        Shop customer = TestPlatform.shopOn(platform).asCustomer("dana");
        String sku = "SKU-0013";
        long stockBefore = customer.available(sku);
        Map<String, String> keys = new LinkedHashMap<>();

        int sentUpTo;
        try (FulfillmentHeldBack held = FulfillmentHeldBack.lock(db)) {
            List<String> orderIds = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                orderIds.add(customer.placeOrder(sku, 1 + i % 2, "sandbox_ok"));
            }
            orderIds.forEach(id -> awaitShipmentRequested(customer, id));

            for (String orderId : orderIds) {
                String key = UUID.randomUUID().toString();
                keys.put(orderId, key);
                JsonNode cancel = cancel(customer, orderId, key);
                assertThat(cancel.get("userErrors")).as("cancel %s", orderId).isEmpty();
                assertThat(cancel.get("cancellation").asText()).as("cancel %s", orderId).isEqualTo("WAITING_FOR_WAREHOUSE");
                assertThat(cancel.get("status").asText()).as("cancel %s", orderId).isNotEqualTo("CANCELLED");
            }

            sentUpTo = orderIds.stream().mapToInt(id -> awaitShipmentRequestedAgain(customer, id)).max().orElseThrow();
            for (String orderId : orderIds) {
                JsonNode waiting = customer.order(orderId);
                assertThat(waiting.get("saga").get("status").asText()).as("saga of %s while the warehouse is silent", orderId)
                        .isEqualTo("RUNNING");
                assertThat(waiting.get("status").asText()).as("order %s while the warehouse is silent", orderId)
                        .isNotEqualTo("CANCELLED");
                JsonNode again = cancel(customer, orderId, keys.get(orderId));
                assertThat(again.get("userErrors")).isEmpty();
                assertThat(again.get("cancellation").asText()).isEqualTo("WAITING_FOR_WAREHOUSE");
            }
        }

        Map<String, String> outcomes = new LinkedHashMap<>();
        for (String orderId : keys.keySet()) {
            outcomes.put(orderId, assertUndone(customer, orderId));
            JsonNode asked = cancel(customer, orderId, keys.get(orderId));
            assertThat(asked.get("userErrors")).isEmpty();
            assertThat(asked.get("cancellation").asText()).isEqualTo("DONE");
        }
        assertNothingLeftTheWarehouse(keys.keySet());
        await().atMost(Duration.ofSeconds(15)).until(() -> customer.available(sku) == stockBefore);
        assertInvariantsHold();

        System.out.printf("cancel while shipping: %d orders cancelled by their customer while create_shipment was in flight"
                        + " (CreateShipment sent up to %d times while fulfillment was held back): %s; invariants held; %d s%n",
                ORDERS, sentUpTo, summary(outcomes), Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    @Test
    void anOperatorsCompensationWhileTheShipmentIsRequestedIsPendingThenCancelsTheOrderAndItsShipment() throws Exception {
        long started = System.nanoTime();
        Shop ops = TestPlatform.shopOn(platform).asOps();
        String sku = "SKU-0014";
        long stockBefore = ops.available(sku);
        List<String> orderIds = new ArrayList<>();

        try (FulfillmentHeldBack held = FulfillmentHeldBack.lock(db)) {
            for (int i = 0; i < 2; i++) {
                orderIds.add(ops.placeOrder(sku, 1, "sandbox_ok"));
            }
            for (String orderId : orderIds) {
                String sagaId = awaitShipmentRequested(ops, orderId).get("saga").get("id").asText();
                JsonNode compensate = ops.graphql().data(COMPENSATE, Map.of("id", sagaId)).get("sagaCompensate");
                assertThat(compensate.get("userErrors")).as("compensate %s", sagaId).isEmpty();
                assertThat(compensate.get("compensationPending").asBoolean()).as("compensate %s", sagaId).isTrue();
                assertThat(compensate.get("status").asText()).as("compensate %s", sagaId).isEqualTo("RUNNING");
            }
            orderIds.forEach(id -> awaitShipmentRequestedAgain(ops, id));
            orderIds.forEach(id -> assertThat(ops.order(id).get("saga").get("status").asText()).isEqualTo("RUNNING"));
        }

        Map<String, String> outcomes = new LinkedHashMap<>();
        orderIds.forEach(id -> outcomes.put(id, assertUndone(ops, id)));
        assertNothingLeftTheWarehouse(orderIds);
        await().atMost(Duration.ofSeconds(15)).until(() -> ops.available(sku) == stockBefore);
        assertInvariantsHold();

        System.out.printf("compensate while shipping: %d orders compensated by an operator while create_shipment was in"
                        + " flight: %s; invariants held; %d s%n",
                orderIds.size(), summary(outcomes), Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    /**
     * Waits for the order's saga to end, then asserts it was undone and nothing left the warehouse: order CANCELLED,
     * the pivot answered (never TIMED_OUT) and its shipment cancelled, payment voided or refunded. Returns the outcome.
     */
    private static String assertUndone(Shop shop, String orderId) {
        JsonNode order = shop.awaitSagaEnd(orderId);
        assertThat(order.get("saga").get("status").asText()).as("saga of %s", orderId).isEqualTo("COMPENSATED");
        assertThat(step(order, "create_shipment").get("status").asText()).as("create_shipment of %s", orderId)
                .isEqualTo("COMPENSATED");
        JsonNode settled = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> shop.order(orderId), o -> o.get("status").asText().equals("CANCELLED")
                        && o.hasNonNull("payment") && o.get("payment").get("status").asText().matches("VOIDED|REFUNDED")
                        && !o.get("shipments").isEmpty()
                        && stream(o.get("shipments")).allMatch(s -> s.get("status").asText().equals("CANCELLED")));
        return settled.get("status").asText() + "/" + settled.get("payment").get("status").asText() + "/shipments "
                + String.join(",", stream(settled.get("shipments")).map(s -> s.get("status").asText()).toList());
    }

    /**
     * The warehouse's own records, not the read side: every shipment of these orders CANCELLED and due to move nowhere
     * (a shipment that survived the cancellation would be on its way to SHIPPED, one status every PARCEL_STEP).
     */
    private static void assertNothingLeftTheWarehouse(Collection<String> orderIds) throws SQLException {
        Map<String, List<String>> shipments = new LinkedHashMap<>();
        try (Connection c = checkerData.getConnection();
             PreparedStatement query = c.prepareStatement("""
                     SELECT order_id, status || CASE WHEN next_transition_at IS NULL THEN '' ELSE ' (moving on)' END
                     FROM fulfillment.shipment WHERE order_id = ANY (?)""")) {
            query.setArray(1, c.createArrayOf("text", orderIds.toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    shipments.computeIfAbsent(row.getString(1), id -> new ArrayList<>()).add(row.getString(2));
                }
            }
        }
        assertThat(shipments.keySet()).as("orders with a shipment").containsExactlyInAnyOrderElementsOf(orderIds);
        assertThat(shipments.values()).as("their shipments").allSatisfy(s -> assertThat(s).containsOnly("CANCELLED"));
    }

    private static void assertInvariantsHold() {
        InvariantChecker checker = new InvariantChecker(checkerData);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(checker::quiescent);
        assertThat(checker.checkQuiescent()).isEmpty();
        assertThat(checker.openAlerts()).isEmpty();
    }

    /** Waits until the order's saga has sent CreateShipment (create_shipment RUNNING); returns the order. */
    private static JsonNode awaitShipmentRequested(Shop shop, String orderId) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> shop.order(orderId), o -> o != null && !o.isNull() && o.hasNonNull("saga")
                        && step(o, "create_shipment") != null
                        && step(o, "create_shipment").get("status").asText().equals("RUNNING"));
    }

    /**
     * Waits until create_shipment timed out unanswered and was sent again (attempts 2 or more), still RUNNING: the
     * saga neither gave up on its pivot nor compensated over it. Returns how many times it was sent.
     */
    private static int awaitShipmentRequestedAgain(Shop shop, String orderId) {
        JsonNode order = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> shop.order(orderId), o -> step(o, "create_shipment").get("attempts").asInt() >= 2);
        JsonNode pivot = step(order, "create_shipment");
        assertThat(pivot.get("status").asText()).as("create_shipment of %s, sent again", orderId).isEqualTo("RUNNING");
        return pivot.get("attempts").asInt();
    }

    private static JsonNode step(JsonNode order, String name) {
        return stream(order.get("saga").get("steps")).filter(s -> s.get("name").asText().equals(name)).findFirst()
                .orElse(null);
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static JsonNode cancel(Shop on, String orderId, String key) {
        return on.graphql().data(CANCEL, Map.of("id", orderId, "k", key)).get("orderCancel");
    }

    /** "8 x CANCELLED/VOIDED/shipments CANCELLED", one entry per distinct outcome. */
    private static String summary(Map<String, String> outcomes) {
        Map<String, Integer> counted = new LinkedHashMap<>();
        outcomes.values().forEach(outcome -> counted.merge(outcome, 1, Integer::sum));
        return String.join("; ", counted.entrySet().stream().map(e -> e.getValue() + " x " + e.getKey()).toList());
    }

    /**
     * The fulfillment service held back: a transaction holds its inbox in ACCESS EXCLUSIVE mode, so every command it
     * receives waits; closing it rolls back and lets them through.
     */
    private record FulfillmentHeldBack(Connection connection) implements AutoCloseable {
        static FulfillmentHeldBack lock(DbConfig db) throws SQLException {
            Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
            connection.setAutoCommit(false);
            try (Statement lock = connection.createStatement()) {
                lock.execute("LOCK TABLE fulfillment.inbox IN ACCESS EXCLUSIVE MODE");
            }
            return new FulfillmentHeldBack(connection);
        }

        @Override
        public void close() throws SQLException {
            try {
                connection.rollback();
            } finally {
                connection.close();
            }
        }
    }
}
