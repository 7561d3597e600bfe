package dev.oms.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import org.awaitility.Awaitility;
import static org.assertj.core.api.Assertions.tuple;

import com.google.protobuf.Message;
import com.zaxxer.hikari.HikariDataSource;
import dev.oms.contracts.common.v1.Address;
import dev.oms.contracts.fulfillment.v1.CreateShipment;
import dev.oms.contracts.fulfillment.v1.ReviseShipment;
import dev.oms.contracts.fulfillment.v1.Shipment;
import dev.oms.contracts.fulfillment.v1.ShipmentCreated;
import dev.oms.contracts.fulfillment.v1.ShipmentLine;
import dev.oms.contracts.fulfillment.v1.ShipmentReviseRefused;
import dev.oms.contracts.fulfillment.v1.ShipmentRevised;
import dev.oms.contracts.fulfillment.v1.ShipmentStatusChanged;
import dev.oms.fulfillment.api.FulfillmentConfig;
import dev.oms.fulfillment.api.ShipmentAction;
import dev.oms.fulfillment.api.ShipmentUnits;
import dev.oms.infra.SharedTestInfra;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.ServiceRuntime;
import dev.oms.messaging.testing.MutableClock;
import dev.oms.messaging.testing.OutboxReader;
import dev.oms.messaging.testing.Stimulus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShipmentRevisionIT {
    private static final Duration STEP = Duration.ofMinutes(1);
    private static final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private static HikariDataSource dataSource;
    private static ServiceRuntime runtime;
    private static FulfillmentService fulfillment;

    private String orderId = "order-" + UUID.randomUUID();

    @BeforeAll
    static void startService() {
        dataSource = SharedTestInfra.freshDatabase("fulfillment_revision_it")
                .dataSource("fulfillment-revision-it", FulfillmentService.NAME, 5);
        runtime = new ServiceRuntime(FulfillmentService.NAME, dataSource, "127.0.0.1:9", clock);
        runtime.migrate();
        fulfillment = FulfillmentService.register(runtime, FulfillmentConfig.autoAdvancingEvery(STEP));
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
    void addsUnitsInAWarehouseAndANewShipmentInAnother() {
        send(create(line("mug", "north", 1), line("tea", "south", 2)));
        advance(1);
        OutboxReader.clear(dataSource);

        send(revise("op-1", line("mug", "north", 2), line("jam", "north", 1), line("mug", "west", 3)));

        ShipmentRevised revised = only(ShipmentRevised.class);
        assertThat(revised.getOrderId()).isEqualTo(orderId);
        assertThat(revised.getOperationId()).isEqualTo("op-1");
        assertThat(revised.getShipmentsList()).extracting(Shipment::getWarehouse, Shipment::getStatus).containsExactly(
                tuple("north", "PICKED"), tuple("south", "PICKED"), tuple("west", "CREATED"));
        assertThat(lines()).containsExactly("north:jam:1", "north:mug:3", "south:tea:2", "west:mug:3");
        assertThat(query("SELECT DISTINCT ship_to_name || ',' || ship_to_line1 || ',' || ship_to_city || ','"
                + " || ship_to_postal_code || ',' || ship_to_country FROM shipment WHERE order_id = ?"))
                .containsExactly("Ada,1 Main St,Lyon,69001,FR");
        assertThat(OutboxReader.ofType(dataSource, ShipmentCreated.class)).isEmpty();
        assertThat(progress()).isEmpty();

        advance(1);

        assertThat(statuses()).containsExactly("north:PACKED", "south:PACKED", "west:PICKED");
    }

    @Test
    void cancelsTheShipmentOfAWarehouseWhoseUnitsAreAllTakenOff() {
        send(create(line("mug", "north", 1), line("tea", "south", 2), line("jam", "south", 1)));

        send(revise("op-1", line("tea", "south", -2), line("jam", "south", -1)));

        assertThat(only(ShipmentRevised.class).getShipmentsList())
                .extracting(Shipment::getWarehouse, Shipment::getStatus)
                .containsExactly(tuple("north", "CREATED"), tuple("south", "CANCELLED"));
        assertThat(progress()).singleElement().satisfies(changed -> {
            assertThat(changed.getShipment().getWarehouse()).isEqualTo("south");
            assertThat(changed.getShipment().getStatus()).isEqualTo("CANCELLED");
            assertThat(changed.getAllShipments()).isFalse();
        });
        assertThat(lines()).containsExactly("north:mug:1");

        advance(1);

        assertThat(statuses()).containsExactly("north:PICKED", "south:CANCELLED");
    }

    @Test
    void addsUnitsAgainWhereAnEarlierEditCancelledTheShipment() {
        send(create(line("mug", "north", 1), line("tea", "south", 2)));
        send(revise("op-1", line("tea", "south", -2)));

        send(revise("op-2", line("tea", "south", 1)));

        assertThat(OutboxReader.ofType(dataSource, ShipmentRevised.class).get(1).getShipmentsList())
                .extracting(Shipment::getWarehouse, Shipment::getStatus)
                .containsExactlyInAnyOrder(
                        tuple("north", "CREATED"), tuple("south", "CANCELLED"), tuple("south", "CREATED"));
        assertThat(lines()).containsExactly("north:mug:1", "south:tea:1");
    }

    @Test
    void aRepeatChangesNothingAndAnswersTheSame() {
        send(create(line("mug", "north", 1), line("tea", "south", 2)));
        send(revise("op-1", line("mug", "north", 1), line("tea", "south", -2), line("jam", "west", 1)));
        ShipmentRevised first = only(ShipmentRevised.class);
        List<String> lines = lines();
        OutboxReader.clear(dataSource);

        send(revise("op-1", line("mug", "north", 1), line("tea", "south", -2), line("jam", "west", 1)));

        assertThat(only(ShipmentRevised.class)).isEqualTo(first);
        assertThat(lines()).isEqualTo(lines);
        assertThat(statuses()).containsExactly("north:CREATED", "south:CANCELLED", "west:CREATED");
        assertThat(progress()).isEmpty();

        advance(1);
        OutboxReader.clear(dataSource);
        send(revise("op-1", line("mug", "north", 1), line("tea", "south", -2), line("jam", "west", 1)));

        assertThat(only(ShipmentRevised.class).getShipmentsList()).extracting(Shipment::getStatus)
                .containsExactly("PICKED", "CANCELLED", "PICKED");
        assertThat(lines()).isEqualTo(lines);
    }

    @Test
    void isRefusedOnceAShipmentHasShippedAndChangesNothing() {
        send(create(line("mug", "north", 1), line("tea", "south", 2)));
        assertThat(fulfillment.shipShipment(shipmentIn("north"), List.of()).status()).isEqualTo("SHIPPED");
        List<String> lines = lines();
        OutboxReader.clear(dataSource);

        send(revise("op-1", line("tea", "south", -2), line("jam", "west", 1)));

        assertThat(only(ShipmentReviseRefused.class)).satisfies(refused -> {
            assertThat(refused.getOrderId()).isEqualTo(orderId);
            assertThat(refused.getOperationId()).isEqualTo("op-1");
            assertThat(refused.getReason()).contains("north", "SHIPPED");
        });
        assertThat(OutboxReader.ofType(dataSource, ShipmentRevised.class)).isEmpty();
        assertThat(progress()).isEmpty();
        assertThat(lines()).isEqualTo(lines);
        assertThat(statuses()).containsExactly("north:SHIPPED", "south:CREATED");
    }

    @Test
    void aRefusedEditRepeatedStaysRefused() {
        send(revise("op-1", line("mug", "north", 1)));
        send(create(line("mug", "north", 1)));
        send(revise("op-2", line("mug", "north", -2)));
        OutboxReader.clear(dataSource);

        send(revise("op-1", line("mug", "north", 1)));
        send(revise("op-2", line("mug", "north", -2)));

        assertThat(OutboxReader.ofType(dataSource, ShipmentReviseRefused.class))
                .extracting(ShipmentReviseRefused::getOperationId, ShipmentReviseRefused::getReason)
                .containsExactly(tuple("op-1", "the order has no shipments"),
                        tuple("op-2", "mug in north: 2 units cannot be taken off, the shipment carries 1"));
        assertThat(OutboxReader.ofType(dataSource, ShipmentRevised.class)).isEmpty();
        assertThat(lines()).containsExactly("north:mug:1");
    }

    @Test
    void aRefusalAfterTheParcelLeftIsRepeatedToo() {
        send(create(line("mug", "north", 1)));
        advance(3);
        send(revise("op-1", line("mug", "north", 1)));
        ShipmentReviseRefused first = only(ShipmentReviseRefused.class);
        OutboxReader.clear(dataSource);

        send(revise("op-1", line("mug", "north", 1)));

        assertThat(only(ShipmentReviseRefused.class)).isEqualTo(first);
        assertThat(first.getReason()).contains("SHIPPED");
    }

    @Test
    void aHeldShipmentIsRevisedAndStaysHeld() {
        send(create(line("mug", "north", 1)));
        fulfillment.holdShipment(shipmentIn("north"), "damaged box");

        send(revise("op-1", line("mug", "north", 2)));
        advance(1);

        assertThat(lines()).containsExactly("north:mug:3");
        assertThat(query("SELECT status || ':' || held_reason FROM shipment WHERE order_id = ?"))
                .containsExactly("CREATED:damaged box");
        assertThat(fulfillment.releaseShipment(shipmentIn("north")).held()).isFalse();
        advance(1);
        assertThat(statuses()).containsExactly("north:PICKED");
    }

    /**
     * A ship that splits a part off holds the shipment's row while the edit waits for it, and commits the part,
     * shipped, which the edit's first read cannot see: the edit still sees it and is refused.
     */
    @Test
    void anEditThatWaitedForAShipThatSplitOffAPartIsRefused() throws Exception {
        send(create(line("mug", "north", 2)));
        String north = shipmentIn("north");
        try (Connection ship = dataSource.getConnection()) {
            ship.setAutoCommit(false);
            update(ship, "SELECT 1 FROM shipment WHERE shipment_id = ? FOR UPDATE", north);
            update(ship, """
                    INSERT INTO shipment (shipment_id, order_id, warehouse, status, ship_to_country, created_at,
                                          updated_at, split_from)
                    SELECT 'part-' || shipment_id, order_id, warehouse, 'SHIPPED', ship_to_country, created_at,
                           updated_at, shipment_id
                    FROM shipment WHERE shipment_id = ?""", north);

            CompletableFuture<Void> edit =
                    CompletableFuture.runAsync(() -> send(revise("op-1", line("mug", "north", -2))));
            awaitWaitingForALock();
            ship.commit();
            edit.get(10, TimeUnit.SECONDS);
        }

        assertThat(only(ShipmentReviseRefused.class).getReason())
                .isEqualTo("shipment part-" + north + " from north is SHIPPED");
        assertThat(statuses()).containsExactly("north:CREATED", "north:SHIPPED");
    }

    /** Either the edit comes first and the part leaves from the edited shipment, or the part left and it is refused. */
    @Test
    void anEditAndAShipOfTheSameShipmentSerialize() throws Exception {
        for (int round = 0; round < 10; round++) {
            orderId = "order-" + UUID.randomUUID();
            send(create(line("mug", "north", 2), line("tea", "north", 1)));
            String north = shipmentIn("north");
            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<ShipmentAction> ship = CompletableFuture.supplyAsync(() -> {
                await(start);
                return fulfillment.shipShipment(north, List.of(new ShipmentUnits("mug", 1)));
            });
            CompletableFuture<Void> edit = CompletableFuture.runAsync(() -> {
                await(start);
                send(revise("op-1", line("tea", "north", -1)));
            });
            start.countDown();
            ShipmentAction shipped = ship.get(10, TimeUnit.SECONDS);
            edit.get(10, TimeUnit.SECONDS);

            assertThat(shipped.error()).isNull();
            List<String> told = OutboxReader.all(dataSource).stream()
                    .filter(e -> e.correlationId().equals(orderId) && !(e.payload() instanceof ShipmentCreated))
                    .map(e -> e.payload().getDescriptorForType().getName()).toList();
            if (lines().contains("north:tea:1")) {
                assertThat(told).containsExactly("ShipmentStatusChanged", "ShipmentStatusChanged",
                        "ShipmentStatusChanged", "ShipmentReviseRefused");
            } else {
                assertThat(told).containsExactly("ShipmentRevised", "ShipmentStatusChanged", "ShipmentStatusChanged",
                        "ShipmentStatusChanged");
                assertThat(lines()).containsExactly("north:mug:1", "north:mug:1");
            }
        }
    }

    private static void awaitWaitingForALock() {
        Awaitility.await("the edit waits for the shipment's row").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(25))
                .until(ShipmentRevisionIT::aTransactionWaitsForALock);
    }

    private static boolean aTransactionWaitsForALock() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
             ResultSet row = select.executeQuery()) {
            return row.next();
        }
    }

    private static void update(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, value);
            statement.execute();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void advance(int steps) {
        for (int step = 0; step < steps; step++) {
            clock.advance(STEP);
            fulfillment.advanceDueShipments();
        }
    }

    private void send(Message command) {
        IncomingMessage message = Stimulus.message(orderId, "saga-" + orderId, command);
        runtime.transactions().inTransaction(message.envelope(), tx -> {
            fulfillment.handler().handle(message, tx);
            return null;
        });
    }

    private CreateShipment create(ShipmentLine... lines) {
        return CreateShipment.newBuilder()
                .setOrderId(orderId)
                .addAllLines(List.of(lines))
                .setShippingAddress(Address.newBuilder()
                        .setName("Ada").setLine1("1 Main St").setCity("Lyon").setPostalCode("69001").setCountry("FR"))
                .build();
    }

    private ReviseShipment revise(String operationId, ShipmentLine... changes) {
        return ReviseShipment.newBuilder().setOrderId(orderId).setOperationId(operationId)
                .addAllChanges(List.of(changes)).build();
    }

    private static ShipmentLine line(String sku, String warehouse, int quantity) {
        return ShipmentLine.newBuilder().setSku(sku).setWarehouse(warehouse).setQuantity(quantity).build();
    }

    /** This order's messages of {@code type}: exactly one. */
    private <T extends Message> T only(Class<T> type) {
        List<T> emitted = OutboxReader.all(dataSource).stream()
                .filter(e -> e.correlationId().equals(orderId) && type.isInstance(e.payload()))
                .map(e -> e.as(type)).toList();
        assertThat(emitted).hasSize(1);
        return emitted.get(0);
    }

    /** This order's progress events, oldest first (the job moves other tests' shipments too). */
    private List<ShipmentStatusChanged> progress() {
        return OutboxReader.all(dataSource).stream()
                .filter(e -> e.correlationId().equals(orderId) && e.payload() instanceof ShipmentStatusChanged)
                .map(e -> e.as(ShipmentStatusChanged.class))
                .toList();
    }

    private String shipmentIn(String warehouse) {
        return query("SELECT shipment_id FROM shipment WHERE order_id = ? AND warehouse = '" + warehouse
                + "' AND status <> 'CANCELLED' AND split_from IS NULL").get(0);
    }

    private List<String> statuses() {
        return query("SELECT warehouse || ':' || status FROM shipment WHERE order_id = ? ORDER BY warehouse, status");
    }

    private List<String> lines() {
        return query("SELECT s.warehouse || ':' || l.sku || ':' || l.quantity FROM shipment_line l"
                + " JOIN shipment s USING (shipment_id) WHERE s.order_id = ? ORDER BY s.warehouse, l.sku");
    }

    private List<String> query(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, orderId);
            List<String> values = new ArrayList<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    values.add(row.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
