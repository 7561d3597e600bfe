package dev.oms.inventory;

import dev.oms.messaging.testing.MutableClock;
import static dev.oms.inventory.InventoryTestbed.commit;
import static dev.oms.inventory.InventoryTestbed.release;
import static dev.oms.inventory.InventoryTestbed.reserve;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oms.contracts.inventory.v1.StockLevelChanged;
import dev.oms.contracts.inventory.v1.StockReleased;
import dev.oms.inventory.api.InventoryConfig;
import dev.oms.inventory.api.StockLevel;
import dev.oms.inventory.api.StockSeed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every change of on hand is a stock movement: seeds, adjustments, commits, restocks. */
class StockMovementsIT {
    private static final Duration TTL = Duration.ofMinutes(10);
    private static final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private static InventoryTestbed testbed;

    private final String mug = "mug-" + UUID.randomUUID();
    private final String orderId = "order-" + UUID.randomUUID();

    @BeforeAll
    static void startService() {
        testbed = new InventoryTestbed("inventory_movements", clock, new InventoryConfig(TTL));
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
    void releaseAfterCommitRestocks() {
        testbed.send(orderId, reserve(orderId, mug, 3));
        testbed.send(orderId, commit(orderId));
        assertThat(testbed.level(mug, "north")).isEqualTo(new StockLevel(mug, "north", 7, 0));
        testbed.forgetEmitted();

        testbed.send(orderId, release(orderId));
        testbed.send(orderId, release(orderId));

        assertThat(testbed.reservationStatus(orderId)).isEqualTo("RELEASED");
        assertThat(testbed.level(mug, "north")).isEqualTo(new StockLevel(mug, "north", 10, 0));
        assertThat(testbed.emitted(StockReleased.class)).hasSize(2);
        assertThat(testbed.emitted(StockLevelChanged.class)).extracting(StockLevelChanged::getOnHand).containsExactly(10L);
        assertThat(testbed.movements(mug)).containsExactly("SEED:10", "COMMIT:-3", "RESTOCK:3");
    }

    @Test
    void movementsAddUpToOnHand() {
        testbed.inventory().adjust(mug, "north", 5, "delivery");
        testbed.inventory().adjust(mug, "south", 4, "first delivery");
        testbed.send(orderId, reserve(orderId, mug, 6));
        testbed.send(orderId, commit(orderId));
        testbed.send(orderId, release(orderId));
        String expiring = "order-" + UUID.randomUUID();
        testbed.send(expiring, reserve(expiring, mug, 2));
        clock.advance(TTL);
        testbed.inventory().expireDueReservations();
        testbed.send(expiring, commit(expiring));
        String held = "order-" + UUID.randomUUID();
        testbed.send(held, reserve(held, mug, 4));

        assertThat(testbed.movements(mug))
                .containsExactly("SEED:10", "ADJUST:5", "ADJUST:4", "COMMIT:-6", "RESTOCK:6", "COMMIT:-2");
        assertThat(testbed.inventory().levels(mug)).containsExactly(
                new StockLevel(mug, "north", 13, 4), new StockLevel(mug, "south", 4, 0));
        assertThat(testbed.query("SELECT warehouse || ':' || on_hand_by_movements || ':' || reserved_by_reservations"
                + " FROM stock_balance WHERE sku = ? ORDER BY warehouse", mug)).containsExactly("north:13:4", "south:4:0");
        assertThat(testbed.query("SELECT count(*) FROM stock_balance WHERE on_hand <> on_hand_by_movements"
                + " OR reserved <> reserved_by_reservations OR reserved < 0 OR reserved > on_hand")).containsExactly("0");
    }

    @Test
    void operatorAdjustmentsKeepTheirReasonOnTheMovement() {
        testbed.inventory().adjust(mug, "north", -2, "broken in transit");

        assertThat(testbed.query("SELECT reason || ':' || delta || ':' || note FROM stock_movement"
                + " WHERE sku = ? AND reason = 'ADJUST'", mug)).containsExactly("ADJUST:-2:broken in transit");
    }

    @Test
    void aSeedThatFindsItsRowRecordsNothing() {
        testbed.inventory().seed(List.of(new StockSeed(mug, "north", 99)));

        assertThat(testbed.movements(mug)).containsExactly("SEED:10");
    }
}
