package dev.oms.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.protobuf.Message;
import com.zaxxer.hikari.HikariDataSource;
import dev.oms.contracts.inventory.v1.CommitStock;
import dev.oms.contracts.inventory.v1.ReleaseStock;
import dev.oms.contracts.inventory.v1.ReserveStock;
import dev.oms.contracts.inventory.v1.StockItem;
import dev.oms.contracts.inventory.v1.StockLevelChanged;
import dev.oms.contracts.inventory.v1.StockReleased;
import dev.oms.contracts.inventory.v2.StockReserved;
import dev.oms.contracts.inventory.v1.StockUnavailable;
import dev.oms.infra.SharedTestInfra;
import dev.oms.inventory.api.StockLevel;
import dev.oms.inventory.api.StockSeed;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.ServiceRuntime;
import dev.oms.messaging.testing.OutboxReader;
import dev.oms.messaging.testing.OutboxReader.Emitted;
import dev.oms.messaging.testing.Stimulus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InventoryHandlersIT {
    private static HikariDataSource dataSource;
    private static ServiceRuntime runtime;
    private static InventoryService inventory;

    private final String mug = "mug-" + UUID.randomUUID();
    private final String tea = "tea-" + UUID.randomUUID();

    @BeforeAll
    static void startService() {
        dataSource = SharedTestInfra.freshDatabase("inventory_it").dataSource("inventory-it", InventoryService.NAME, 20);
        runtime = new ServiceRuntime(InventoryService.NAME, dataSource, "127.0.0.1:9", Clock.systemUTC());
        runtime.migrate();
        inventory = InventoryService.register(runtime);
    }

    @AfterAll
    static void stopService() {
        runtime.close();
        dataSource.close();
    }

    @BeforeEach
    void forgetEarlierMessages() {
        OutboxReader.clear(dataSource);
    }

    @Test
    void reservesFromOneWarehouseWhenItCanServeEveryLine() {
        inventory.seed(List.of(new StockSeed(mug, "north", 10), new StockSeed(tea, "north", 1),
                new StockSeed(mug, "south", 5), new StockSeed(tea, "south", 5)));
        OutboxReader.clear(dataSource);

        send("order-1", reserve("order-1", mug, 2, tea, 2));

        assertThat(lines(only(StockReserved.class)))
                .containsExactly(tuple(mug, "south", 2), tuple(tea, "south", 2));
        assertThat(level(mug, "south")).isEqualTo(new StockLevel(mug, "south", 5, 2));
        assertThat(level(mug, "north").reserved()).isZero();
        assertThat(reservationStatus("order-1")).isEqualTo("HELD");
        assertThat(OutboxReader.all(dataSource)).filteredOn(e -> e.payload() instanceof StockLevelChanged)
                .extracting(Emitted::correlationId).containsExactlyInAnyOrder(mug, tea);
    }

    @Test
    void splitsALineAcrossWarehousesWhenNoneHoldsEnough() {
        inventory.seed(List.of(new StockSeed(mug, "north", 3), new StockSeed(mug, "south", 2)));

        send("order-2", reserve("order-2", mug, 4));

        assertThat(lines(only(StockReserved.class)))
                .containsExactly(tuple(mug, "north", 3), tuple(mug, "south", 1));
        assertThat(inventory.levels(mug)).extracting(StockLevel::available).containsExactly(0L, 1L);
    }

    @Test
    void refusesWhenStockRunsOutAndChangesNothing() {
        inventory.seed(List.of(new StockSeed(mug, "north", 3), new StockSeed(tea, "north", 9)));
        OutboxReader.clear(dataSource);

        send("order-3", reserve("order-3", mug, 4, tea, 1));

        StockUnavailable refusal = only(StockUnavailable.class);
        assertThat(refusal.getSkusList()).containsExactly(mug);
        assertThat(refusal.getOrderId()).isEqualTo("order-3");
        assertThat(OutboxReader.all(dataSource)).hasSize(1);
        assertThat(level(mug, "north").reserved()).isZero();
        assertThat(level(tea, "north").reserved()).isZero();
        assertThat(reservationStatus("order-3")).isNull();
    }

    @Test
    void refusesAQuantityBelowOne() {
        inventory.seed(List.of(new StockSeed(mug, "north", 3)));

        send("order-4", reserve("order-4", mug, 0));

        assertThat(only(StockUnavailable.class).getReason()).contains("quantity");
    }

    @Test
    void neverOversellsUnderConcurrentReservations() throws Exception {
        inventory.seed(List.of(new StockSeed(mug, "north", 5)));
        OutboxReader.clear(dataSource);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String orderId = "race-" + i + "-" + mug;
            done.add(pool.submit(() -> {
                start.await();
                send(orderId, reserve(orderId, mug, 1));
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        assertThat(OutboxReader.ofType(dataSource, StockReserved.class)).hasSize(5);
        assertThat(OutboxReader.ofType(dataSource, StockUnavailable.class)).hasSize(5);
        assertThat(level(mug, "north")).isEqualTo(new StockLevel(mug, "north", 5, 5));
        assertThat(level(mug, "north").available()).isZero();
    }

    @Test
    void releaseGivesUnitsBack() {
        inventory.seed(List.of(new StockSeed(mug, "north", 5)));
        send("order-5", reserve("order-5", mug, 3));
        OutboxReader.clear(dataSource);

        send("order-5", release("order-5"));
        send("order-5", release("order-5"));

        assertThat(OutboxReader.ofType(dataSource, StockReleased.class)).hasSize(2);
        assertThat(OutboxReader.ofType(dataSource, StockLevelChanged.class)).hasSize(1);
        assertThat(level(mug, "north")).isEqualTo(new StockLevel(mug, "north", 5, 0));
        assertThat(reservationStatus("order-5")).isEqualTo("RELEASED");
    }

    @Test
    void repliesReleasedEvenWhenNothingWasReserved() {
        send("order-6", release("order-6"));

        assertThat(only(StockReleased.class).getOrderId()).isEqualTo("order-6");
    }

    @Test
    void repeatedReserveRepliesTheSameAllocation() {
        inventory.seed(List.of(new StockSeed(mug, "north", 5), new StockSeed(mug, "south", 1)));
        send("order-7", reserve("order-7", mug, 5));
        StockReserved first = only(StockReserved.class);
        OutboxReader.clear(dataSource);

        send("order-7", reserve("order-7", mug, 5));

        assertThat(only(StockReserved.class)).isEqualTo(first);
        assertThat(OutboxReader.all(dataSource)).hasSize(1);
        assertThat(level(mug, "north").reserved()).isEqualTo(5);
    }

    @Test
    void commitMovesUnitsOut() {
        inventory.seed(List.of(new StockSeed(mug, "north", 10)));
        send("order-8", reserve("order-8", mug, 2));

        send("order-8", CommitStock.newBuilder().setOrderId("order-8").build());
        send("order-8", CommitStock.newBuilder().setOrderId("order-8").build());

        assertThat(level(mug, "north")).isEqualTo(new StockLevel(mug, "north", 8, 0));
        assertThat(reservationStatus("order-8")).isEqualTo("COMMITTED");
        assertThat(OutboxReader.ofType(dataSource, dev.oms.contracts.inventory.v1.StockCommitted.class)).hasSize(2);
    }

    @Test
    void seedingAgainNeverResetsExistingStock() {
        inventory.seed(List.of(new StockSeed(mug, "north", 10)));
        send("order-9", reserve("order-9", mug, 4));
        OutboxReader.clear(dataSource);

        inventory.seed(List.of(new StockSeed(mug, "north", 99), new StockSeed(mug, "south", 1)));

        assertThat(inventory.levels(mug)).containsExactly(
                new StockLevel(mug, "north", 10, 4), new StockLevel(mug, "south", 1, 0));
        assertThat(only(StockLevelChanged.class).getWarehouse()).isEqualTo("south");
    }

    private static void send(String orderId, Message command) {
        IncomingMessage message = Stimulus.message(orderId, "saga-" + orderId, command);
        runtime.transactions().inTransaction(message.envelope(), tx -> {
            inventory.handler().handle(message, tx);
            return null;
        });
    }

    private static ReserveStock reserve(String orderId, Object... skuThenQuantity) {
        ReserveStock.Builder command = ReserveStock.newBuilder().setOrderId(orderId);
        for (int i = 0; i < skuThenQuantity.length; i += 2) {
            command.addItems(StockItem.newBuilder().setSku((String) skuThenQuantity[i]).setQuantity((Integer) skuThenQuantity[i + 1]));
        }
        return command.build();
    }

    private static ReleaseStock release(String orderId) {
        return ReleaseStock.newBuilder().setOrderId(orderId).setReason("test").build();
    }

    private static <T extends Message> T only(Class<T> type) {
        List<T> emitted = OutboxReader.ofType(dataSource, type);
        assertThat(emitted).hasSize(1);
        return emitted.get(0);
    }

    private static StockLevel level(String sku, String warehouse) {
        return inventory.levels(sku).stream().filter(l -> l.warehouse().equals(warehouse)).findFirst().orElseThrow();
    }

    private static String reservationStatus(String orderId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT status FROM reservation WHERE order_id = ?")) {
            select.setString(1, orderId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** StockReserved (v2, grouped by warehouse) as flat (sku, warehouse, quantity) lines. */
    private static List<org.assertj.core.groups.Tuple> lines(StockReserved reserved) {
        return reserved.getWarehousesList().stream().flatMap(w -> w.getLinesList().stream()
                .map(line -> tuple(line.getSku(), w.getWarehouse(), line.getQuantity()))).toList();
    }
}
