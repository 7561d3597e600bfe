package dev.oms.fulfillment;

import dev.oms.messaging.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.protobuf.Message;
import com.zaxxer.hikari.HikariDataSource;
import dev.oms.contracts.common.v1.Address;
import dev.oms.contracts.fulfillment.v1.CancelShipment;
import dev.oms.contracts.fulfillment.v1.CreateShipment;
import dev.oms.contracts.fulfillment.v1.Shipment;
import dev.oms.contracts.fulfillment.v1.ShipmentCancelRefused;
import dev.oms.contracts.fulfillment.v1.ShipmentCancelled;
import dev.oms.contracts.fulfillment.v1.ShipmentCreated;
import dev.oms.contracts.fulfillment.v1.ShipmentLine;
import dev.oms.contracts.fulfillment.v1.ShipmentRejected;
import dev.oms.contracts.fulfillment.v1.ShipmentStatusChanged;
import dev.oms.fulfillment.api.FulfillmentConfig;
import dev.oms.infra.SharedTestInfra;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.ServiceRuntime;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FulfillmentHandlersIT {
    private static final Duration STEP = Duration.ofMinutes(1);
    private static final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private static HikariDataSource dataSource;
    private static ServiceRuntime runtime;
    private static FulfillmentService fulfillment;

    private final String orderId = "order-" + UUID.randomUUID();

    @BeforeAll
    static void startService() {
        dataSource = SharedTestInfra.freshDatabase("fulfillment_it").dataSource("fulfillment-it", FulfillmentService.NAME, 5);
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
    void createsOneShipmentPerWarehouse() {
        send(create(line("mug", "north", 1), line("tea", "south", 2), line("tea", "north", 1)));

        ShipmentCreated created = only(ShipmentCreated.class);
        assertThat(created.getShipmentsList()).extracting(Shipment::getWarehouse, Shipment::getStatus)
                .containsExactly(tuple("north", "CREATED"), tuple("south", "CREATED"));
        assertThat(statuses()).containsExactly("CREATED", "CREATED");
        assertThat(query("SELECT l.sku || ':' || l.quantity FROM shipment_line l JOIN shipment s USING (shipment_id)"
                + " WHERE s.order_id = ? ORDER BY s.warehouse, l.sku")).containsExactly("mug:1", "tea:1", "tea:2");
    }

    @Test
    void repeatedCreateRepliesTheSameShipments() {
        send(create(line("mug", "north", 1)));
        send(create(line("mug", "north", 1)));

        List<ShipmentCreated> replies = OutboxReader.ofType(dataSource, ShipmentCreated.class);
        assertThat(replies).hasSize(2);
        assertThat(replies.get(1)).isEqualTo(replies.get(0));
        assertThat(statuses()).hasSize(1);
    }

    @Test
    void rejectsAnOrderWithoutShippingCountry() {
        send(CreateShipment.newBuilder().setOrderId(orderId).addLines(line("mug", "north", 1))
                .setShippingAddress(Address.newBuilder().setName("Ada").setCity("Lyon")).build());

        assertThat(only(ShipmentRejected.class).getReason()).isEqualTo("no shipping country");
        assertThat(statuses()).isEmpty();
    }

    @Test
    void rejectsAnOrderWithoutLines() {
        send(create());

        assertThat(only(ShipmentRejected.class).getReason()).isEqualTo("no lines to ship");
    }

    @Test
    void autoAdvanceWalksToDelivered() {
        send(create(line("mug", "north", 1), line("tea", "south", 1)));
        fulfillment.advanceDueShipments();
        assertThat(progress()).isEmpty();

        for (int step = 0; step < 5; step++) {
            clock.advance(STEP);
            fulfillment.advanceDueShipments();
        }

        assertThat(progress()).extracting(ShipmentStatusChanged::getShipment).extracting(Shipment::getStatus).containsExactly(
                "PICKED", "PICKED", "PACKED", "PACKED", "SHIPPED", "SHIPPED", "DELIVERED", "DELIVERED");
        assertThat(progress()).extracting(ShipmentStatusChanged::getAllShipments).containsExactly(
                false, true, false, true, false, true, false, true);
        assertThat(statuses()).containsExactly("DELIVERED", "DELIVERED");
        assertThat(query("SELECT count(*) FROM shipment WHERE order_id = ? AND next_transition_at IS NOT NULL"))
                .containsExactly("0");
    }

    @Test
    void carriesOnAfterARestart() {
        send(create(line("mug", "north", 1)));
        clock.advance(STEP);
        fulfillment.advanceDueShipments();

        clock.advance(STEP);
        try (ServiceRuntime restarted = new ServiceRuntime(FulfillmentService.NAME, dataSource, "127.0.0.1:9", clock)) {
            FulfillmentService.register(restarted, FulfillmentConfig.autoAdvancingEvery(STEP)).advanceDueShipments();
        }

        assertThat(statuses()).containsExactly("PACKED");
    }

    @Test
    void cancelsBeforeShipping() {
        send(create(line("mug", "north", 1), line("tea", "south", 1)));
        clock.advance(STEP);
        fulfillment.advanceDueShipments();

        send(cancel());
        clock.advance(STEP);
        fulfillment.advanceDueShipments();

        assertThat(only(ShipmentCancelled.class).getOrderId()).isEqualTo(orderId);
        assertThat(statuses()).containsExactly("CANCELLED", "CANCELLED");
        assertThat(progress()).extracting(p -> p.getShipment().getStatus()).containsOnly("PICKED");
    }

    @Test
    void cancelAfterShippingIsRefused() {
        send(create(line("mug", "north", 1)));
        advance(3);

        send(cancel());
        send(cancel());

        assertThat(OutboxReader.ofType(dataSource, ShipmentCancelRefused.class)).hasSize(2)
                .allSatisfy(refused -> {
                    assertThat(refused.getOrderId()).isEqualTo(orderId);
                    assertThat(refused.getReason()).contains("SHIPPED");
                });
        assertThat(OutboxReader.ofType(dataSource, ShipmentCancelled.class)).isEmpty();
        assertThat(statuses()).containsExactly("SHIPPED");
    }

    @Test
    void cancelIsRefusedWhenAnyShipmentHasLeftAndChangesNothing() {
        send(create(line("mug", "north", 1), line("tea", "south", 1)));
        advance(2);
        holdInTheWarehouse("south");
        advance(1);
        assertThat(statuses()).containsExactly("SHIPPED", "PACKED");

        send(cancel());

        assertThat(only(ShipmentCancelRefused.class).getReason()).contains("north");
        assertThat(OutboxReader.ofType(dataSource, ShipmentCancelled.class)).isEmpty();
        assertThat(statuses()).containsExactly("SHIPPED", "PACKED");
    }

    @Test
    void cancelAfterDeliveryIsRefused() {
        send(create(line("mug", "north", 1)));
        advance(4);

        send(cancel());

        assertThat(only(ShipmentCancelRefused.class).getReason()).contains("DELIVERED");
        assertThat(statuses()).containsExactly("DELIVERED");
    }

    @Test
    void repeatedCancelRepliesCancelledAgain() {
        send(create(line("mug", "north", 1)));

        send(cancel());
        send(cancel());

        assertThat(OutboxReader.ofType(dataSource, ShipmentCancelled.class)).hasSize(2);
        assertThat(statuses()).containsExactly("CANCELLED");
    }

    @Test
    void repliesCancelledWhenThereIsNothingToCancel() {
        send(cancel());

        assertThat(only(ShipmentCancelled.class).getOrderId()).isEqualTo(orderId);
    }

    /** The warehouse stops moving this order's parcel on, so the order's shipments part ways. */
    private void holdInTheWarehouse(String warehouse) {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "UPDATE shipment SET next_transition_at = NULL WHERE order_id = ? AND warehouse = ?")) {
            update.setString(1, orderId);
            update.setString(2, warehouse);
            assertThat(update.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
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

    private CancelShipment cancel() {
        return CancelShipment.newBuilder().setOrderId(orderId).setReason("customer cancelled").build();
    }

    private static ShipmentLine line(String sku, String warehouse, int quantity) {
        return ShipmentLine.newBuilder().setSku(sku).setWarehouse(warehouse).setQuantity(quantity).build();
    }

    private <T extends Message> T only(Class<T> type) {
        List<T> emitted = OutboxReader.ofType(dataSource, type);
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

    private List<String> statuses() {
        return query("SELECT status FROM shipment WHERE order_id = ? ORDER BY warehouse");
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
