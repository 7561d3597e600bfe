package dev.oms.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.oms.app.invariants.InvariantChecker;
import dev.oms.infra.DbConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The failover drill of docs/multi-region.md on two regions of this machine (deploy/regions/regions.sh: network
 * namespaces, PostgreSQL A primary and B its streaming standby). Region A runs the platform (its own Kafka node, every
 * service) and takes orders through its BFF; mid-load A is cut off and its processes die; B's PostgreSQL is promoted,
 * B starts its Kafka node and the platform, and the load moves to B's BFF. Printed: orders A acknowledged that B lost
 * (RPO), time until B accepted an order (RTO), how the sagas in flight at the cut ended; then every order B knows ends
 * and the invariants hold in B (no double capture, stock and money conserved). Then failback: A is rewound to follow
 * B, a planned switchover makes it primary again, and orders flow through A with nothing B committed lost.
 */
class RegionFailoverDrillIT {
    private static final Path REGIONS = Path.of("..", "deploy", "regions", "regions.sh").toAbsolutePath().normalize();
    private static final String DB_INSIDE_REGION = "jdbc:postgresql://127.0.0.1:5432/postgres";
    /** The payment provider's books, outside both regions (deploy/regions/regions.sh). */
    private static final String PROVIDER_DB = "jdbc:postgresql://10.77.0.1:5433/postgres";
    private static final List<String> SKUS = List.of("SKU-0004", "SKU-0005", "SKU-0006", "SKU-0007");
    private static final Map<String, String> ADDRESS = Map.of("a", "10.77.0.10", "b", "10.77.0.20");
    private static final int CLIENTS = 4;

    private final List<OmsProcess> processes = new ArrayList<>();
    private final Map<String, List<OmsProcess>> regionProcesses = new HashMap<>();
    /** Order id -> when the client was told it was placed (System.nanoTime). */
    private final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, String> acknowledgedBy = new ConcurrentHashMap<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private volatile String activeRegion = "a";
    private final AtomicBoolean loading = new AtomicBoolean();
    private final List<Thread> clients = new ArrayList<>();
    private Path work;

    @AfterEach
    void tearDown() throws Exception {
        stopLoad();
        processes.forEach(OmsProcess::close);
        pools.values().forEach(HikariDataSource::close);
        regions("down");
    }

    @Test
    void ordersSurviveLosingRegionAAndComeBackToIt() throws Exception {
        assumeTrue(canCreateNamespaces(), "needs root and network namespaces");
        assumeTrue(hasPostgresServerBinaries(), "needs PostgreSQL's server binaries (Debian's postgresql package)");
        work = Files.createTempDirectory("oms-regions-drill-");
        regions("down");
        regions("up");
        startRegion("a", "kafka-a-1", false);
        startLoad();
        awaitAcknowledged("a", 15);

        // A is lost: its links go down, its processes die (PostgreSQL A lives on behind the partition)
        long cut = System.nanoTime();
        Set<String> acknowledgedByA = Set.copyOf(acknowledged.keySet());
        regions("cut", "a");
        regionProcesses.get("a").forEach(OmsProcess::kill);
        regions("promote", "b");
        Set<String> inFlightAtCut = notEnded("b", acknowledgedByA);
        long republished = keptMessages("b");
        startRegion("b", "kafka-b-1", true);
        activeRegion = "b";
        long firstInB = awaitAcknowledged("b", 1);
        double rtoSeconds = (firstInB - cut) / 1e9;
        awaitAcknowledged("b", 15);
        stopLoad();

        List<String> lost = lostIn("b", acknowledgedByA);
        double rpoSeconds = lost.stream().mapToLong(acknowledged::get).map(at -> cut - at).max().orElse(0) / 1e9;
        awaitAllEndedAndInvariantsHold("b");
        Map<String, Long> inFlightOutcomes = PlaceOrderOutcomes.of(pool("b"), inFlightAtCut);
        System.out.printf("failover: %d orders acknowledged by A, %d of them lost (RPO %d orders, %.3f s); B accepted its"
                        + " first order %.1f s after the cut (RTO); %d messages A had relayed published again by B;"
                        + " %d sagas in flight at the cut ended %s; %d checkouts failed while no region served; %d orders"
                        + " through B; invariants in B clean (0 double captures in the provider's books, outside both"
                        + " regions)%n", acknowledgedByA.size(), lost.size(), lost.size(), rpoSeconds, rtoSeconds,
                republished, inFlightAtCut.size(), inFlightOutcomes, refusals.size(), acknowledgedIn("b"));
        assertThat(republished).as("messages kept by A's relays, in B").isPositive();
        assertThat(single("provider", "SELECT count(*) FROM payment_provider.ledger WHERE operation = 'CAPTURE'"))
                .as("captures in the provider's books, outside both regions").isGreaterThanOrEqualTo(acknowledged.size());
        assertThat(single("b", "SELECT count(*) FROM pg_class WHERE relname = 'ledger'"))
                .as("provider's books inside region B").isZero();
        assertThat(inFlightOutcomes).as("how the sagas in flight at the cut ended: each asked again for what it was"
                + " waiting for when B started, none timed out").containsOnlyKeys("COMPLETED");

        // failback: A follows B again, then a planned switchover with B's platform stopped
        Set<String> knownToB = known("b");
        regions("heal", "a");
        regions("rejoin", "a");
        regionProcesses.get("b").forEach(OmsProcess::stop);
        long switchStarted = System.nanoTime();
        regions("switchover", "a");
        startRegion("a", "kafka-a-2", true);
        activeRegion = "a";
        startLoad();
        long firstBackInA = awaitAcknowledged("a", 1);
        awaitAcknowledged("a", 10);
        stopLoad();
        assertThat(lostIn("a", knownToB)).as("orders B had that A lost in the failback").isEmpty();
        awaitAllEndedAndInvariantsHold("a");
        System.out.printf("failback: A accepted orders again %.1f s after the switchover began; all %d orders B had"
                + " are in A; invariants in A clean%n", (firstBackInA - switchStarted) / 1e9, knownToB.size());
    }

    /** {@value #CLIENTS} clients placing orders one after the other, each against the active region. */
    private void startLoad() {
        loading.set(true);
        for (int i = 0; i < CLIENTS; i++) {
            Thread client = new Thread(this::placeOrders, "drill-client-" + i);
            clients.add(client);
            client.start();
        }
    }

    private void stopLoad() throws InterruptedException {
        loading.set(false);
        for (Thread client : clients) {
            client.join(60_000);
        }
        clients.clear();
    }

    /**
     * The region's Kafka node (a fresh one: the bus is not replicated, see docs/multi-region.md) and the platform; after
     * a promotion, its sagas in flight send what they wait for again, since their messages stayed in the other region.
     */
    private void startRegion(String region, String kafkaName, boolean promoted) {
        List<OmsProcess> started = new ArrayList<>();
        OmsProcess kafka = OmsProcess.startIn("oms-" + region, "region-" + kafkaName, Map.of(), "kafka-node",
                "--node-id", "1", "--nodes", "1", "--base-port", "19101",
                "--data-dir", work.resolve(kafkaName).toString());
        started.add(kafka);
        processes.add(kafka);
        kafka.awaitLog("Kafka node 1 ready", Duration.ofSeconds(90));
        OmsProcess platform = OmsProcess.startIn("oms-" + region, "region-" + region + "-platform-" + kafkaName,
                Map.of("OMS_DB_URL", DB_INSIDE_REGION, "OMS_DB_USER", "postgres",
                        "OMS_KAFKA_BOOTSTRAP", "127.0.0.1:19101", "OMS_SAGA_STEP_TIMEOUT", "5s",
                        "OMS_OUTBOX_RETENTION", "60s", "OMS_PROMOTED", String.valueOf(promoted),
                        "OMS_PAYMENT_PROVIDER_DB_URL", PROVIDER_DB),
                "up", "--data-dir", work.resolve("up-" + region).toString(), "--fulfillment-step", "300ms");
        started.add(platform);
        processes.add(platform);
        platform.awaitLog("oms: ready in", Duration.ofSeconds(120));
        regionProcesses.put(region, started);
    }

    private void placeOrders() {
        for (int i = (int) Thread.currentThread().getId(); loading.get(); i++) {
            String region = activeRegion;
            Shop shop = new Shop(new GraphQlClient("http://" + ADDRESS.get(region) + ":8080/graphql"))
                    .asCustomer("drill-customer");
            try {
                String orderId = shop.placeOrder(SKUS.get(i % SKUS.size()), 1, "sandbox_ok");
                acknowledged.put(orderId, System.nanoTime());
                acknowledgedBy.put(orderId, region);
            } catch (Throwable refused) {
                refusals.add(region + ": " + refused.getMessage());
                pause();
            }
        }
    }

    private static void pause() {
        await().pollDelay(Duration.ofMillis(200)).until(() -> true);
    }

    /** Waits for {@code more} orders acknowledged by the region; returns when the last of them was. */
    private long awaitAcknowledged(String region, int more) {
        int target = acknowledgedIn(region) + more;
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(50))
                .until(() -> acknowledgedIn(region) >= target);
        return System.nanoTime();
    }

    private int acknowledgedIn(String region) {
        return (int) acknowledgedBy.values().stream().filter(region::equals).count();
    }

    /** Every saga the region knows ends, and then the invariants hold there (nothing lost, charged twice, oversold). */
    private void awaitAllEndedAndInvariantsHold(String region) {
        InvariantChecker checker = new InvariantChecker(pool(region), pool("provider"));
        try {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(checker::quiescent);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("not every saga ended in region " + region + ": " + checker.checkQuiescent(), e);
        }
        assertThat(checker.checkQuiescent()).as("invariants in region " + region).isEmpty();
    }

    private List<String> lostIn(String region, Set<String> orderIds) throws Exception {
        Set<String> there = known(region);
        return orderIds.stream().filter(id -> !there.contains(id)).toList();
    }

    private Set<String> known(String region) throws Exception {
        Set<String> ids = new java.util.HashSet<>();
        try (Connection c = pool(region).getConnection();
             PreparedStatement query = c.prepareStatement("SELECT order_id::text FROM \"order\".orders");
             ResultSet row = query.executeQuery()) {
            while (row.next()) {
                ids.add(row.getString(1));
            }
        }
        return ids;
    }

    private long single(String database, String sql) throws Exception {
        try (Connection c = pool(database).getConnection(); PreparedStatement query = c.prepareStatement(sql);
             ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The messages the region's relays kept (OMS_OUTBOX_RETENTION), across every service's schema. */
    private long keptMessages(String region) throws Exception {
        List<String> schemas = new ArrayList<>();
        long kept = 0;
        try (Connection c = pool(region).getConnection()) {
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT table_schema FROM information_schema.tables WHERE table_name = 'outbox_relayed'");
                 ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    schemas.add(row.getString(1));
                }
            }
            for (String schema : schemas) {
                try (PreparedStatement query = c.prepareStatement(
                        "SELECT count(*) FROM \"" + schema + "\".outbox_relayed"); ResultSet row = query.executeQuery()) {
                    row.next();
                    kept += row.getLong(1);
                }
            }
        }
        return kept;
    }

    private Set<String> notEnded(String region, Set<String> orderIds) throws Exception {
        Set<String> open = new java.util.HashSet<>();
        try (Connection c = pool(region).getConnection(); PreparedStatement query = c.prepareStatement("""
                SELECT correlation_id FROM "order".saga_instance WHERE saga_type = 'PlaceOrder'
                AND correlation_id = ANY (?) AND status NOT IN ('COMPLETED', 'COMPENSATED')""")) {
            query.setArray(1, c.createArrayOf("text", orderIds.toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    open.add(row.getString(1));
                }
            }
        }
        return open;
    }

    private final Map<String, HikariDataSource> pools = new HashMap<>();

    private synchronized HikariDataSource pool(String region) {
        return pools.computeIfAbsent(region, r -> new DbConfig(r.equals("provider") ? PROVIDER_DB
                : "jdbc:postgresql://" + ADDRESS.get(r) + ":5432/postgres", "postgres", "").dataSource("drill-" + r, null, 2));
    }

    private static boolean hasPostgresServerBinaries() {
        if (System.getenv("PG_BIN") != null) {
            return Files.isExecutable(Path.of(System.getenv("PG_BIN"), "pg_rewind"));
        }
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.anyMatch(version -> Files.isExecutable(version.resolve("bin").resolve("pg_rewind")));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean canCreateNamespaces() {
        try {
            Process probe = new ProcessBuilder("ip", "netns", "add", "oms-probe").redirectErrorStream(true).start();
            if (!probe.waitFor(10, TimeUnit.SECONDS) || probe.exitValue() != 0) {
                return false;
            }
            new ProcessBuilder("ip", "netns", "del", "oms-probe").start().waitFor(10, TimeUnit.SECONDS);
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void regions(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", REGIONS.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        if (!args[0].equals("down")) {
            assertThat(process.exitValue()).as("regions.sh %s: %s", String.join(" ", args), output).isZero();
        }
        System.out.print("regions: " + output);
    }
}
