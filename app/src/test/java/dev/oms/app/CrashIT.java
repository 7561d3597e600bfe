package dev.oms.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.oms.app.invariants.InvariantChecker;
import dev.oms.infra.DbConfig;
import dev.oms.infra.LocalKafka;
import dev.oms.infra.SharedTestInfra;
import dev.oms.messaging.CrashPoints;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The crash test: a child JVM runs the platform; at each crash point it is killed mid-batch (the point halts
 * it like kill -9), started again on the same PostgreSQL and Kafka, and left to finish. Then every
 * invariant must hold: nothing lost, nothing charged twice, nothing oversold, every saga ended.
 */
class CrashIT {
    private static final List<String> TOKENS = List.of("sandbox_ok", "sandbox_ok", "sandbox_ok", "sandbox_decline",
            "sandbox_timeout", "sandbox_flaky", "sandbox_capture_fails_once");
    private static final int BATCH = 21;
    private static final AtomicInteger ordersPlaced = new AtomicInteger();
    private static final AtomicInteger crashPointsCovered = new AtomicInteger();

    @AfterAll
    static void report() {
        System.out.printf("crash test: %d crash points (and duplicate delivery), %d orders placed, invariants held%n",
                crashPointsCovered.get(), ordersPlaced.get());
    }

    @ParameterizedTest(name = "kill at {0} (hit {1})")
    @CsvSource({
            CrashPoints.TX_BEFORE_COMMIT + ", 60",
            CrashPoints.TX_AFTER_COMMIT + ", 80",
            CrashPoints.RELAY_AFTER_SEND + ", 25",
            CrashPoints.CONSUMER_BEFORE_OFFSET_COMMIT + ", 25",
            CrashPoints.SAGA_BETWEEN_REPLY_AND_NEXT_COMMAND + ", 20",
            CrashPoints.PAYMENT_AFTER_PROVIDER_CALL + ", 4"})
    void invariantsHoldAfterAKillAt(String point, int hit) {
        runScenario("crash-" + point, Map.of("OMS_CRASH_POINT", point, "OMS_CRASH_AFTER", String.valueOf(hit)));
        crashPointsCovered.incrementAndGet();
    }

    @Test
    void invariantsHoldWhenEveryMessageIsDeliveredTwice() {
        runScenario("duplicate-delivery", Map.of("OMS_DUPLICATE_DELIVERY", "true"));
    }

    /**
     * After the order: delivered orders are returned (received at once, later, or withdrawn), orders paid by a later
     * confirmation wait for the provider's webhook, unshipped orders are edited and partly shipped ones have their rest
     * cancelled, while the platform is killed at the point, or every message comes twice; a restarted platform finishes
     * them.
     */
    @ParameterizedTest(name = "returns and confirmations, kill at {0} (hit {1})")
    @CsvSource({
            CrashPoints.TX_BEFORE_COMMIT + ", 40",
            CrashPoints.SAGA_BETWEEN_REPLY_AND_NEXT_COMMAND + ", 8",
            CrashPoints.PAYMENT_AFTER_PROVIDER_CALL + ", 3",
            "none, 0"})
    void invariantsHoldWhenReturnsAndConfirmationsAreKilledAt(String point, int hit) {
        Map<String, String> faults = point.equals("none") ? Map.of("OMS_DUPLICATE_DELIVERY", "true")
                : Map.of("OMS_CRASH_POINT", point, "OMS_CRASH_AFTER", String.valueOf(hit));
        runAfterTheOrder("after-" + (point.equals("none") ? "duplicate-delivery" : point), faults);
    }

    private static void runAfterTheOrder(String name, Map<String, String> faults) {
        DbConfig db = SharedTestInfra.freshDatabase("crash_after");
        try (LocalKafka kafka = LocalKafka.startTemporary(); HikariDataSource data = db.dataSource("checker", null, 2)) {
            SandboxProvider provider = new SandboxProvider(data);
            List<String> delivered;
            List<String> held;
            List<String> partlyShipped;
            try (ChildPlatform first = ChildPlatform.start(name + "-1", db, kafka.bootstrapServers(), Map.of())) {
                Shop shop = new Shop(new GraphQlClient(first.graphqlUrl())).asCustomer("crash");
                delivered = java.util.stream.IntStream.range(0, 6)
                        .mapToObj(i -> shop.placeOrder("SKU-000" + (1 + i % 3), 2, "sandbox_ok")).toList();
                delivered.forEach(order -> shop.awaitStatus(order, "DELIVERED"));
                held = AfterTheOrder.heldOrders(first, 3);
                partlyShipped = AfterTheOrder.partlyShippedOrders(first, 2);
            }
            List<String> pending = java.util.stream.IntStream.range(0, 4)
                    .mapToObj(i -> "sandbox_pending_" + java.util.UUID.randomUUID()).toList();
            try (ChildPlatform second = ChildPlatform.start(name + "-2", db, kafka.bootstrapServers(), faults)) {
                AfterTheOrder.play(second, provider, delivered, pending, held, partlyShipped, true);
                if (faults.containsKey("OMS_CRASH_POINT")) {
                    second.waitForExit(Duration.ofSeconds(30));
                    assertThat(second.alive()).as("the crash point %s was reached", faults.get("OMS_CRASH_POINT")).isFalse();
                }
            }
            try (ChildPlatform third = ChildPlatform.start(name + "-3", db, kafka.bootstrapServers(),
                    faults.containsKey("OMS_DUPLICATE_DELIVERY") ? faults : Map.of())) {
                AfterTheOrder.play(third, provider, delivered, pending, held, partlyShipped, false);
                InvariantChecker checker = new InvariantChecker(data);
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                        .until(() -> AfterTheOrder.receiveWhatIsExpected(third, data) && checker.quiescent());
                assertThat(checker.checkQuiescent()).isEmpty();
                assertThat(AfterTheOrder.returnsRefunded(data)).as("returns refunded").isPositive();
                assertThat(AfterTheOrder.editsPerOrder(data)).as("each held order edited once")
                        .isEqualTo(held.stream().collect(java.util.stream.Collectors.toMap(o -> o, o -> 1)));
                assertThat(AfterTheOrder.cancelledUnits(data, partlyShipped)).as("the unshipped unit of each cancelled")
                        .isEqualTo(partlyShipped.size());
            }
        }
        crashPointsCovered.incrementAndGet();
    }

    private static void runScenario(String name, Map<String, String> faults) {
        DbConfig db = SharedTestInfra.freshDatabase("crash");
        try (LocalKafka kafka = LocalKafka.startTemporary(); HikariDataSource data = db.dataSource("checker", null, 2)) {
            try (ChildPlatform first = ChildPlatform.start(name + "-1", db, kafka.bootstrapServers(), faults)) {
                placeBatch(first, BATCH);
                if (faults.containsKey("OMS_CRASH_POINT")) {
                    first.waitForExit(Duration.ofSeconds(20));
                    assertThat(first.alive()).as("the crash point %s was reached", faults.get("OMS_CRASH_POINT")).isFalse();
                }
            }
            try (ChildPlatform second = ChildPlatform.start(name + "-2", db, kafka.bootstrapServers(),
                    faults.containsKey("OMS_DUPLICATE_DELIVERY") ? faults : Map.of())) {
                placeBatch(second, 7);
                InvariantChecker checker = new InvariantChecker(data);
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(checker::quiescent);
                assertThat(checker.checkQuiescent()).isEmpty();
            }
        }
    }

    /** Places orders from four customers at once; stops quietly when the platform dies under them. */
    private static void placeBatch(ChildPlatform platform, int orders) {
        Shop shop = new Shop(new GraphQlClient(platform.graphqlUrl()));
        ExecutorService customers = Executors.newFixedThreadPool(4);
        for (int i = 0; i < orders; i++) {
            String token = TOKENS.get(i % TOKENS.size());
            String sku = i % 5 == 4 ? "SKU-LIMITED" : "SKU-000" + (1 + i % 3);
            customers.submit(() -> {
                if (platform.alive()) {
                    try {
                        shop.placeOrder(sku, 1 + (sku.equals("SKU-LIMITED") ? 1 : 0), token);
                        ordersPlaced.incrementAndGet();
                    } catch (RuntimeException | AssertionError platformDied) {
                        // the crash point fired: the orders that made it in are what the invariants check
                    }
                }
            });
        }
        customers.shutdown();
        try {
            customers.awaitTermination(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
