package dev.oms.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Message;
import com.zaxxer.hikari.HikariDataSource;
import dev.oms.contracts.inventory.v1.CommitStock;
import dev.oms.contracts.inventory.v1.ReleaseStock;
import dev.oms.contracts.inventory.v1.ReservationExpired;
import dev.oms.contracts.inventory.v1.ReserveStock;
import dev.oms.contracts.inventory.v1.StockCommitted;
import dev.oms.contracts.inventory.v1.StockItem;
import dev.oms.contracts.inventory.v1.StockLevelChanged;
import dev.oms.contracts.inventory.v1.StockReleased;
import dev.oms.infra.SharedTestInfra;
import dev.oms.inventory.api.InventoryConfig;
import dev.oms.inventory.api.StockLevel;
import dev.oms.inventory.api.StockSeed;
import dev.oms.inventory.domain.ReservationLostException;
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

/** Reservations over time: expiry, release after commit, commit after expiry, and the movements of on hand. */
class ReservationLifecycleIT {
    private static final Duration TTL = Duration.ofMinutes(10);
    private static final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private static HikariDataSource dataSource;
    private static ServiceRuntime runtime;
    private static InventoryService inventory;

    private final String mug = "mug-" + UUID.randomUUID();
    private final String orderId = "order-" + UUID.randomUUID();

    @BeforeAll
    static void startService() {
        dataSource = SharedTestInfra.freshDatabase("inventory_lifecycle").dataSource("inventory-lifecycle",
                InventoryService.NAME, 6);
        runtime = new ServiceRuntime(InventoryService.NAME, dataSource, "127.0.0.1:9", clock);
        runtime.migrate();
        inventory = InventoryService.register(runtime, new InventoryConfig(TTL));
    }

    @AfterAll
    static void stopService() {
        runtime.close();
        dataSource.close();
    }

    @BeforeEach
    void seedAndForget() {
        inventory.seed(List.of(new StockSeed(mug, "north", 10)));
        OutboxReader.clear(dataSource);
    }

    @Test
    void expiredReservationGivesUnitsBack() {
        send(reserve(3));
        clock.advance(TTL.minusSeconds(1));
        inventory.expireDueReservations();
        assertThat(reservationStatus()).isEqualTo("HELD");
        OutboxReader.clear(dataSource);

        clock.advance(Duration.ofSeconds(1));
        inventory.expireDueReservations();

        assertThat(reservationStatus()).isEqualTo("EXPIRED");
        assertThat(level()).isEqualTo(new StockLevel(mug, "north", 10, 0));
        assertThat(ofOrder(ReservationExpired.class)).singleElement()
                .satisfies(e -> assertThat(e.getOrderId()).isEqualTo(orderId));
        assertThat(levelEvents()).extracting(StockLevelChanged::getAvailable).containsExactly(10L);
    }

    @Test
    void anExpiredReservationExpiresOnceAndIsNotReleasedAgain() {
        send(reserve(3));
        clock.advance(TTL);
        inventory.expireDueReservations();
        inventory.expireDueReservations();

        send(release());

        assertThat(ofOrder(ReservationExpired.class)).hasSize(1);
        assertThat(OutboxReader.ofType(dataSource, StockReleased.class)).hasSize(1);
        assertThat(level()).isEqualTo(new StockLevel(mug, "north", 10, 0));
    }

    @Test
    void expiresMoreThanOneBatchInOneRun() {
        inventory.adjust(mug, "north", 200, "delivery");
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            orders.add(orderId + "-" + i);
            send(orders.get(i), reserve(orders.get(i), 1));
        }
        clock.advance(TTL);

        assertThat(inventory.expireDueReservations()).isGreaterThanOrEqualTo(150);

        assertThat(level()).isEqualTo(new StockLevel(mug, "north", 210, 0));
        assertThat(query("SELECT count(*) FROM reservation WHERE order_id LIKE ? AND status = 'EXPIRED'", orderId + "-%"))
                .containsExactly("150");
    }

    @Test
    void skipsAReservationAnotherTransactionHolds() throws SQLException {
        send(reserve(3));
        clock.advance(TTL);

        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            execute(other, "SELECT 1 FROM reservation WHERE order_id = ? FOR UPDATE");
            inventory.expireDueReservations();
            assertThat(reservationStatus()).isEqualTo("HELD");
            other.rollback();
        }
        inventory.expireDueReservations();

        assertThat(reservationStatus()).isEqualTo("EXPIRED");
    }

    @Test
    void releaseAfterCommitRestocks() {
        send(reserve(3));
        send(commit());
        assertThat(level()).isEqualTo(new StockLevel(mug, "north", 7, 0));
        OutboxReader.clear(dataSource);

        send(release());
        send(release());

        assertThat(reservationStatus()).isEqualTo("RELEASED");
        assertThat(level()).isEqualTo(new StockLevel(mug, "north", 10, 0));
        assertThat(OutboxReader.ofType(dataSource, StockReleased.class)).hasSize(2);
        assertThat(levelEvents()).extracting(StockLevelChanged::getOnHand).containsExactly(10L);
        assertThat(movements()).containsExactly("SEED:10", "COMMIT:-3", "RESTOCK:3");
    }

    @Test
    void commitAfterExpiryRetakesUnits() {
        send(reserve(3));
        clock.advance(TTL);
        inventory.expireDueReservations();
        OutboxReader.clear(dataSource);

        send(commit());

        assertThat(reservationStatus()).isEqualTo("COMMITTED");
        assertThat(level()).isEqualTo(new StockLevel(mug, "north", 7, 0));
        assertThat(OutboxReader.ofType(dataSource, StockCommitted.class)).singleElement()
                .satisfies(c -> assertThat(c.getOrderId()).isEqualTo(orderId));
        assertThat(levelEvents()).extracting(StockLevelChanged::getOnHand).containsExactly(7L);
    }

    @Test
    void commitAfterExpiryIsRefusedWhenTheUnitsAreGone() {
        send(reserve(3));
        clock.advance(TTL);
        inventory.expireDueReservations();
        String otherOrder = "order-" + UUID.randomUUID();
        send(otherOrder, reserve(otherOrder, 8));
        OutboxReader.clear(dataSource);

        assertThatThrownBy(() -> send(commit())).isInstanceOfSatisfying(ReservationLostException.class,
                e -> assertThat(e.orderId()).isEqualTo(orderId));

        assertThat(reservationStatus()).isEqualTo("EXPIRED");
        assertThat(level()).isEqualTo(new StockLevel(mug, "north", 10, 8));
        assertThat(OutboxReader.all(dataSource)).isEmpty();
    }

    @Test
    void movementsAddUpToOnHand() {
        inventory.adjust(mug, "north", 5, "delivery");
        inventory.adjust(mug, "south", 4, "first delivery");
        send(reserve(6));
        send(commit());
        send(release());
        String expiring = "order-" + UUID.randomUUID();
        send(expiring, reserve(expiring, 2));
        clock.advance(TTL);
        inventory.expireDueReservations();
        send(expiring, CommitStock.newBuilder().setOrderId(expiring).build());
        String held = "order-" + UUID.randomUUID();
        send(held, reserve(held, 4));

        assertThat(movements()).containsExactly("SEED:10", "ADJUST:5", "ADJUST:4", "COMMIT:-6", "RESTOCK:6", "COMMIT:-2");
        assertThat(inventory.levels(mug)).containsExactly(
                new StockLevel(mug, "north", 13, 4), new StockLevel(mug, "south", 4, 0));
        assertThat(query("SELECT warehouse || ':' || on_hand_by_movements || ':' || reserved_by_reservations"
                + " FROM stock_balance WHERE sku = ? ORDER BY warehouse", mug)).containsExactly("north:13:4", "south:4:0");
        assertThat(query("SELECT count(*) FROM stock_balance WHERE on_hand <> on_hand_by_movements"
                + " OR reserved <> reserved_by_reservations OR reserved < 0 OR reserved > on_hand")).containsExactly("0");
    }

    @Test
    void operatorAdjustmentsKeepTheirReasonOnTheMovement() {
        inventory.adjust(mug, "north", -2, "broken in transit");

        assertThat(query("SELECT reason || ':' || delta || ':' || note FROM stock_movement WHERE sku = ? AND reason = 'ADJUST'",
                mug)).containsExactly("ADJUST:-2:broken in transit");
    }

    private void send(Message command) {
        send(orderId, command);
    }

    private static void send(String orderId, Message command) {
        IncomingMessage message = Stimulus.message(orderId, "saga-" + orderId, command);
        runtime.transactions().inTransaction(message.envelope(), tx -> {
            inventory.handler().handle(message, tx);
            return null;
        });
    }

    private ReserveStock reserve(int quantity) {
        return reserve(orderId, quantity);
    }

    private ReserveStock reserve(String order, int quantity) {
        return ReserveStock.newBuilder().setOrderId(order)
                .addItems(StockItem.newBuilder().setSku(mug).setQuantity(quantity)).build();
    }

    private CommitStock commit() {
        return CommitStock.newBuilder().setOrderId(orderId).build();
    }

    private ReleaseStock release() {
        return ReleaseStock.newBuilder().setOrderId(orderId).setReason("customer cancelled").build();
    }

    private StockLevel level() {
        return inventory.levels(mug).stream().filter(l -> l.warehouse().equals("north")).findFirst().orElseThrow();
    }

    private <T extends Message> List<T> ofOrder(Class<T> type) {
        return OutboxReader.all(dataSource).stream()
                .filter(e -> e.correlationId().equals(orderId) && type.isInstance(e.payload()))
                .map(e -> e.as(type)).toList();
    }

    private List<StockLevelChanged> levelEvents() {
        return OutboxReader.ofType(dataSource, StockLevelChanged.class).stream().filter(e -> e.getSku().equals(mug))
                .toList();
    }

    private List<String> movements() {
        return query("SELECT reason || ':' || delta FROM stock_movement WHERE sku = ? ORDER BY id", mug);
    }

    private String reservationStatus() {
        return query("SELECT status FROM reservation WHERE order_id = ?", orderId).stream().findFirst().orElse(null);
    }

    private void execute(Connection c, String sql) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, orderId);
            statement.execute();
        }
    }

    private static List<String> query(String sql, String... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
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
