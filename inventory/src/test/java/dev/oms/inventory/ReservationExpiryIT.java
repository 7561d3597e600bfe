package dev.oms.inventory;

import dev.oms.messaging.testing.MutableClock;
import static dev.oms.inventory.InventoryTestbed.commit;
import static dev.oms.inventory.InventoryTestbed.release;
import static dev.oms.inventory.InventoryTestbed.reserve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Message;
import dev.oms.contracts.inventory.v1.ReservationExpired;
import dev.oms.contracts.inventory.v1.StockCommitted;
import dev.oms.contracts.inventory.v1.StockLevelChanged;
import dev.oms.contracts.inventory.v1.StockReleased;
import dev.oms.inventory.api.InventoryConfig;
import dev.oms.inventory.api.StockLevel;
import dev.oms.inventory.api.StockSeed;
import dev.oms.inventory.domain.ReservationLostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reservations nobody committed in time, on a clock the test moves by hand. */
class ReservationExpiryIT {
    private static final Duration TTL = Duration.ofMinutes(10);
    private static final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private static InventoryTestbed testbed;

    private final String mug = "mug-" + UUID.randomUUID();
    private final String orderId = "order-" + UUID.randomUUID();

    @BeforeAll
    static void startService() {
        testbed = new InventoryTestbed("inventory_expiry", clock, new InventoryConfig(TTL));
    }

    @AfterAll
    static void stopService() {
        testbed.close();
    }

    @BeforeEach
    void seedAndForget() {
        testbed.inventory().seed(List.of(new StockSeed(mug, "north", 10)));
        testbed.forgetEmitted();
    }

    @Test
    void expiredReservationGivesUnitsBack() {
        send(reserve(orderId, mug, 3));
        clock.advance(TTL.minusSeconds(1));
        expireDue();
        assertThat(status()).isEqualTo("HELD");
        testbed.forgetEmitted();

        clock.advance(Duration.ofSeconds(1));
        expireDue();

        assertThat(status()).isEqualTo("EXPIRED");
        assertThat(level()).isEqualTo(new StockLevel(mug, "north", 10, 0));
        assertThat(testbed.emitted()).filteredOn(e -> e.payload() instanceof ReservationExpired)
                .extracting(e -> e.correlationId()).containsOnlyOnce(orderId);
        assertThat(levelEvents()).extracting(StockLevelChanged::getAvailable).containsExactly(10L);
    }

    @Test
    void anExpiredReservationExpiresOnceAndIsNotReleasedAgain() {
        send(reserve(orderId, mug, 3));
        clock.advance(TTL);
        expireDue();
        expireDue();

        send(release(orderId));

        assertThat(testbed.emitted(ReservationExpired.class)).filteredOn(e -> e.getOrderId().equals(orderId)).hasSize(1);
        assertThat(testbed.emitted(StockReleased.class)).hasSize(1);
        assertThat(level()).isEqualTo(new StockLevel(mug, "north", 10, 0));
    }

    @Test
    void expiresMoreThanOneBatchInOneRun() {
        testbed.inventory().adjust(mug, "north", 200, "delivery");
        for (int i = 0; i < 150; i++) {
            testbed.send(orderId + "-" + i, reserve(orderId + "-" + i, mug, 1));
        }
        clock.advance(TTL);

        assertThat(expireDue()).isGreaterThanOrEqualTo(150);

        assertThat(level()).isEqualTo(new StockLevel(mug, "north", 210, 0));
        assertThat(testbed.query("SELECT count(*) FROM reservation WHERE order_id LIKE ? AND status = 'EXPIRED'",
                orderId + "-%")).containsExactly("150");
    }

    @Test
    void skipsAReservationAnotherTransactionHolds() throws SQLException {
        send(reserve(orderId, mug, 3));
        clock.advance(TTL);

        try (Connection other = testbed.dataSource().getConnection();
             PreparedStatement lock = other.prepareStatement("SELECT 1 FROM reservation WHERE order_id = ? FOR UPDATE")) {
            other.setAutoCommit(false);
            lock.setString(1, orderId);
            lock.execute();
            expireDue();
            assertThat(status()).isEqualTo("HELD");
            other.rollback();
        }
        expireDue();

        assertThat(status()).isEqualTo("EXPIRED");
    }

    @Test
    void commitAfterExpiryRetakesUnits() {
        send(reserve(orderId, mug, 3));
        clock.advance(TTL);
        expireDue();
        testbed.forgetEmitted();

        send(commit(orderId));

        assertThat(status()).isEqualTo("COMMITTED");
        assertThat(level()).isEqualTo(new StockLevel(mug, "north", 7, 0));
        assertThat(testbed.emitted(StockCommitted.class)).singleElement()
                .satisfies(c -> assertThat(c.getOrderId()).isEqualTo(orderId));
        assertThat(levelEvents()).extracting(StockLevelChanged::getOnHand).containsExactly(7L);
        assertThat(testbed.movements(mug)).containsExactly("SEED:10", "COMMIT:-3");
    }

    @Test
    void commitAfterExpiryIsRefusedWhenTheUnitsAreGone() {
        send(reserve(orderId, mug, 3));
        clock.advance(TTL);
        expireDue();
        String otherOrder = "order-" + UUID.randomUUID();
        testbed.send(otherOrder, reserve(otherOrder, mug, 8));
        testbed.forgetEmitted();

        assertThatThrownBy(() -> send(commit(orderId))).isInstanceOfSatisfying(ReservationLostException.class,
                e -> assertThat(e.orderId()).isEqualTo(orderId));

        assertThat(status()).isEqualTo("EXPIRED");
        assertThat(level()).isEqualTo(new StockLevel(mug, "north", 10, 8));
        assertThat(testbed.emitted()).isEmpty();
    }

    private int expireDue() {
        return testbed.inventory().expireDueReservations();
    }

    private void send(Message command) {
        testbed.send(orderId, command);
    }

    private String status() {
        return testbed.reservationStatus(orderId);
    }

    private StockLevel level() {
        return testbed.level(mug, "north");
    }

    private List<StockLevelChanged> levelEvents() {
        return testbed.emitted(StockLevelChanged.class).stream().filter(e -> e.getSku().equals(mug)).toList();
    }
}
