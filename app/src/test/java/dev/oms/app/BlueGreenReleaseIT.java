package dev.oms.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.oms.app.invariants.InvariantChecker;
import dev.oms.infra.DbConfig;
import dev.oms.infra.Ports;
import dev.oms.infra.SharedTestInfra;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Blue/green releases of the inventory service under steady load, driven by {@code oms release} as an operator runs
 * it. Blue is the copy inside {@code oms up}, still emitting StockReserved v1; green is a copy of its own emitting v2
 * (the next version, which the order saga reads beside v1). First a release through 10/50/100 % that succeeds and is
 * then rolled back by hand; then a release of a green that is correct but slow, which the controller rolls back by
 * itself when the reservation leg burns its latency budget at its first step (25 %: two partitions of eight, so that
 * a window holds enough of green's steps to judge whatever way the orders' keys fall). Throughout: no order refused or failed, one
 * PlaceOrder saga per order and each COMPLETED, one StockReserved per order (no effect twice across a handover), and
 * the invariants hold.
 */
class BlueGreenReleaseIT {
    private static final List<String> SKUS = List.of("SKU-0011", "SKU-0012", "SKU-0013", "SKU-0014");
    private static final Duration LOAD_PERIOD = Duration.ofMillis(200);
    private final List<OmsProcess> processes = new ArrayList<>();
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private DbConfig db;
    private DataSource checks;
    private String kafka;
    private String metrics;
    private Shop shop;

    @AfterEach
    void stopEverything() {
        processes.forEach(OmsProcess::close);
    }

    @Test
    void aReleaseAndAnAutomaticRollbackUnderLoadFailNoOrder() throws Exception {
        startPlatform();

        OmsProcess green = inventoryCopy("bluegreen-green-v2", Map.of());
        Scenario release = underLoad("release of a green emitting StockReserved v2", () -> {
            assertThat(release("bluegreen-release", "--steps", "10,50,100")).as("oms release exit code").isZero();
            assertThat(release("bluegreen-rollback-by-hand", "--rollback")).isZero();
        });
        assertThat(release.controllerSaid()).contains("RELEASED", "step 10 %", "step 50 %", "step 100 %",
                "green 8/8 partitions", "blue 8/8");
        assertThat(release.stockReservedTypes()).as("StockReserved emitted during the release")
                .containsOnlyKeys("oms.inventory.v1.StockReserved", "oms.inventory.v2.StockReserved");
        green.stop();

        inventoryCopy("bluegreen-green-slow", Map.of("OMS_FAULT_HANDLING_DELAY_MS", "1200"));
        Scenario rollback = underLoad("release of a slow green", () ->
                assertThat(release("bluegreen-auto-rollback", "--steps", "25,50,100")).as("oms release exit code")
                        .isEqualTo(2));
        assertThat(rollback.controllerSaid()).contains("ROLLING BACK", "PlaceOrder.reserve_stock", "BURNING",
                "blue 8/8").doesNotContain("step 50 %");
    }

    /** What a scenario left: the controller's output and the StockReserved versions of its orders. */
    private record Scenario(String controllerSaid, Map<String, Long> stockReservedTypes) {}

    private Scenario underLoad(String name, ThrowingRunnable release) throws Exception {
        int acceptedBefore = accepted.size();
        int refusedBefore = refusals.size();
        controllerOutput.setLength(0);
        AtomicBoolean loading = new AtomicBoolean(true);
        Thread load = new Thread(() -> placeOrders(loading), "load");
        load.start();
        long started = System.nanoTime();
        try {
            awaitMoreOrders(20);
            release.run();
        } finally {
            loading.set(false);
            load.join(60_000);
        }
        List<String> orders = List.copyOf(accepted.subList(acceptedBefore, accepted.size()));
        InvariantChecker checker = new InvariantChecker(checks);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(checker::quiescent);
        assertThat(checker.checkQuiescent()).as("invariants after the " + name).isEmpty();
        assertThat(refusals.subList(refusedBefore, refusals.size())).as("checkouts refused during the " + name).isEmpty();
        assertThat(PlaceOrderOutcomes.of(checks, orders)).as("how the orders placed during the %s ended", name)
                .containsExactly(Map.entry("COMPLETED", (long) orders.size()));
        Map<String, Long> reservedPerOrder = stockReservedPerOrder(orders);
        assertThat(reservedPerOrder).as("orders with other than one StockReserved").hasSize(orders.size())
                .allSatisfy((order, count) -> assertThat(count).as(order).isEqualTo(1));
        Map<String, Long> types = stockReservedTypes(orders);
        System.out.printf("%s: %d orders placed under load in %d s, 0 refused, all COMPLETED once, one StockReserved"
                        + " each %s, invariants clean%n", name, orders.size(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds(), types);
        return new Scenario(controllerOutput.toString(), types);
    }

    private final StringBuilder controllerOutput = new StringBuilder();

    /** Runs {@code oms release inventory <options>} to its end, prints what it said; its exit code. */
    private int release(String logName, String... options) {
        List<String> args = new ArrayList<>(List.of("release", "inventory", "--metrics", metrics, "--window", "10s",
                "--settle", "3s", "--min-samples", "20", "--max-burn", "5"));
        args.addAll(List.of(options));
        OmsProcess controller = OmsProcess.start(logName, Map.of("OMS_DB_URL", db.jdbcUrl(), "OMS_DB_USER", db.user(),
                "OMS_DB_PASSWORD", db.password(), "OMS_KAFKA_BOOTSTRAP", kafka), args.toArray(String[]::new));
        processes.add(controller);
        int exit = controller.awaitExit(Duration.ofSeconds(240));
        String said = controller.log().lines().filter(line -> !line.contains(" INFO ") && !line.contains(" WARN "))
                .reduce("", (all, line) -> all + line + "\n");
        System.out.print(said);
        controllerOutput.append(said);
        return exit;
    }

    private void startPlatform() throws Exception {
        db = SharedTestInfra.freshDatabase("bluegreen");
        checks = db.dataSource("bluegreen-checks", null, 2);
        int http = Ports.freePort();
        int kafkaPort = Ports.freePort();
        Path data = Files.createTempDirectory("oms-bluegreen-");
        // blue: the inventory copy inside oms up, on the previous event version
        OmsProcess platform = OmsProcess.start("bluegreen-platform", Map.of("OMS_DB_URL", db.jdbcUrl(),
                        "OMS_DB_USER", db.user(), "OMS_DB_PASSWORD", db.password(),
                        "OMS_INVENTORY_STOCK_RESERVED_VERSION", "1", "OMS_RELEASE_COLOR", "blue"),
                "up", "--data-dir", data.toString(), "--http-port", String.valueOf(http),
                "--kafka-port", String.valueOf(kafkaPort), "--fulfillment-step", "300ms");
        processes.add(platform);
        platform.awaitLog("oms: ready in", Duration.ofSeconds(120));
        kafka = "127.0.0.1:" + kafkaPort;
        metrics = "http://127.0.0.1:" + http + "/actuator/prometheus";
        shop = new Shop(new GraphQlClient("http://127.0.0.1:" + http + "/graphql")).asCustomer("release-customer");
    }

    /** A green copy of the inventory service (this build, StockReserved v2), ready when this returns. */
    private OmsProcess inventoryCopy(String logName, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(Map.of("OMS_RELEASE_COLOR", "green"));
        all.putAll(env);
        OmsProcess copy = OmsProcess.service("inventory", logName, db, kafka, all);
        processes.add(copy);
        return copy;
    }

    /** Steady load: an order every {@link #LOAD_PERIOD} (as long as the last one took less), below what the box can do. */
    private void placeOrders(AtomicBoolean loading) {
        long next = System.nanoTime();
        for (int i = 0; loading.get(); i++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                await().pollDelay(Duration.ofNanos(wait)).until(() -> true);
            }
            next += LOAD_PERIOD.toNanos();
            try {
                accepted.add(shop.placeOrder(SKUS.get(i % SKUS.size()), 1, "sandbox_ok"));
            } catch (Throwable refused) {
                refusals.add(String.valueOf(refused.getMessage()));
                await().pollDelay(Duration.ofMillis(200)).until(() -> true);
            }
        }
    }

    private void awaitMoreOrders(int more) {
        int target = accepted.size() + more;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> accepted.size() >= target);
    }

    /** How many StockReserved the audit log holds per order (every version counted). */
    private Map<String, Long> stockReservedPerOrder(List<String> orders) throws Exception {
        return countAudit("correlation_id", orders);
    }

    private Map<String, Long> stockReservedTypes(List<String> orders) throws Exception {
        return countAudit("type", orders);
    }

    private Map<String, Long> countAudit(String column, List<String> orders) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = checks.getConnection(); PreparedStatement query = c.prepareStatement(
                "SELECT " + column + ", count(*) FROM audit.message WHERE type LIKE '%.StockReserved'"
                        + " AND correlation_id = ANY (?) GROUP BY " + column)) {
            query.setArray(1, c.createArrayOf("text", orders.toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    counts.put(row.getString(1), row.getLong(2));
                }
            }
        }
        return counts;
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
