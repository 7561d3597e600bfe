package dev.oms.inventory;

import static dev.oms.inventory.InventoryTestbed.commit;
import static dev.oms.inventory.InventoryTestbed.reserve;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.oms.contracts.inventory.v1.AdjustOrderStock;
import dev.oms.contracts.inventory.v1.StockAdjusted;
import dev.oms.contracts.inventory.v1.StockAdjustmentUndone;
import dev.oms.contracts.inventory.v1.StockChange;
import dev.oms.contracts.inventory.v1.StockLevelChanged;
import dev.oms.contracts.inventory.v1.StockUnavailable;
import dev.oms.contracts.inventory.v1.UndoStockAdjustment;
import dev.oms.inventory.api.InventoryConfig;
import dev.oms.inventory.api.StockLevel;
import dev.oms.inventory.api.StockSeed;
import dev.oms.inventory.domain.ReservationLostException;
import dev.oms.messaging.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Order edits before shipping: a committed order takes more units or puts some back, once per operation, and an
 * undo moves exactly those units back. Every test starts from an order that committed 4 mugs from north, which then
 * has 1 mug left; south has 2 mugs, north 5 teas, east 9 teas.
 */
class OrderStockAdjustmentIT {
    private static final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private static InventoryTestbed testbed;

    private final String mug = "mug-" + UUID.randomUUID();
    private final String tea = "tea-" + UUID.randomUUID();
    private final String orderId = "order-" + UUID.randomUUID();

    @BeforeAll
    static void startService() {
        testbed = new InventoryTestbed("inventory_order_edits", clock, new InventoryConfig(Duration.ofMinutes(10)));
    }

    @AfterAll
    static void stopService() {
        testbed.close();
    }

    @BeforeEach
    void commitAnOrder() {
        testbed.inventory().seed(List.of(new StockSeed(mug, "north", 5), new StockSeed(mug, "south", 2),
                new StockSeed(tea, "north", 5), new StockSeed(tea, "east", 9)));
        testbed.send(orderId, reserve(orderId, mug, 4));
        testbed.send(orderId, commit(orderId));
        assertThat(lines()).containsExactly(mug + "@north:4");
        testbed.forgetEmitted();
    }

    @AfterEach
    void stockStaysBalanced() {
        assertThat(testbed.query("SELECT sku || '@' || warehouse FROM stock_balance WHERE sku IN (?, ?)"
                + " AND (on_hand <> on_hand_by_movements OR reserved <> reserved_by_reservations"
                + " OR reserved < 0 OR reserved > on_hand)", mug, tea)).isEmpty();
    }

    @Test
    void extraUnitsComeFromTheOrdersWarehousesFirstAndLeaveAtOnce() {
        testbed.send(orderId, adjust("op-a", mug, 3, tea, 1));

        assertThat(moved(only(StockAdjusted.class))).containsExactly(
                tuple(mug, "north", 1), tuple(mug, "south", 2), tuple(tea, "north", 1));
        assertThat(only(StockAdjusted.class).getOperationId()).isEqualTo("op-a");
        assertThat(testbed.inventory().levels(mug)).containsExactly(
                new StockLevel(mug, "north", 0, 0), new StockLevel(mug, "south", 0, 0));
        assertThat(testbed.inventory().levels(tea)).containsExactly(
                new StockLevel(tea, "east", 9, 0), new StockLevel(tea, "north", 4, 0));
        assertThat(lines()).containsExactly(mug + "@north:5", mug + "@south:2", tea + "@north:1");
        assertThat(testbed.reservationStatus(orderId)).isEqualTo("COMMITTED");
        assertThat(orderMovements()).containsExactly("COMMIT:" + mug + "@north:-4:",
                "COMMIT:" + mug + "@north:-1:order edit op-a", "COMMIT:" + mug + "@south:-2:order edit op-a",
                "COMMIT:" + tea + "@north:-1:order edit op-a");
        assertThat(testbed.emitted(StockLevelChanged.class)).extracting(e -> e.getSku() + "@" + e.getWarehouse())
                .containsExactlyInAnyOrder(mug + "@north", mug + "@south", tea + "@north");
    }

    @Test
    void unitsPutBackComeBackOnHandAndTheLineShrinksOrGoes() {
        testbed.send(orderId, adjust("op-b", mug, -3));

        assertThat(moved(only(StockAdjusted.class))).containsExactly(tuple(mug, "north", -3));
        assertThat(testbed.level(mug, "north")).isEqualTo(new StockLevel(mug, "north", 4, 0));
        assertThat(lines()).containsExactly(mug + "@north:1");

        testbed.send(orderId, adjust("op-c", mug, -1));

        assertThat(testbed.level(mug, "north")).isEqualTo(new StockLevel(mug, "north", 5, 0));
        assertThat(lines()).isEmpty();
        assertThat(testbed.movements(mug)).containsExactly("SEED:5", "SEED:2", "COMMIT:-4", "RESTOCK:3", "RESTOCK:1");
    }

    @Test
    void aRepeatMovesNothingAndRepliesTheSame() {
        testbed.send(orderId, adjust("op-a", mug, 3, tea, 1));
        StockAdjusted first = only(StockAdjusted.class);
        List<String> movements = orderMovements();
        testbed.forgetEmitted();

        testbed.send(orderId, adjust("op-a", mug, 3, tea, 1));

        assertThat(testbed.emitted()).extracting(e -> e.payload()).containsExactly(first);
        assertThat(orderMovements()).isEqualTo(movements);
        assertThat(lines()).containsExactly(mug + "@north:5", mug + "@south:2", tea + "@north:1");
    }

    @Test
    void undoMovesTheUnitsBackExactlyOnce() {
        testbed.send(orderId, adjust("op-a", mug, 3, tea, 1));
        testbed.send(orderId, adjust("op-b", tea, -1, mug, -2));
        testbed.forgetEmitted();

        testbed.send(orderId, undo("op-b"));

        assertThat(only(StockAdjustmentUndone.class).getOperationId()).isEqualTo("op-b");
        assertThat(lines()).containsExactly(mug + "@north:5", mug + "@south:2", tea + "@north:1");

        testbed.send(orderId, undo("op-a"));
        testbed.send(orderId, undo("op-a"));

        assertThat(testbed.emitted(StockAdjustmentUndone.class)).hasSize(3);
        assertThat(lines()).containsExactly(mug + "@north:4");
        assertThat(testbed.inventory().levels(mug)).containsExactly(
                new StockLevel(mug, "north", 1, 0), new StockLevel(mug, "south", 2, 0));
        assertThat(testbed.inventory().levels(tea)).containsExactly(
                new StockLevel(tea, "east", 9, 0), new StockLevel(tea, "north", 5, 0));
        assertThat(testbed.query("SELECT operation_id || ':' || status FROM stock_adjustment WHERE order_id = ?"
                + " ORDER BY operation_id", orderId)).containsExactly("op-a:UNDONE", "op-b:UNDONE");
        assertThat(testbed.movements(tea)).containsExactly("SEED:5", "SEED:9", "COMMIT:-1", "RESTOCK:1", "COMMIT:-1",
                "RESTOCK:1");
    }

    @Test
    void anAdjustmentRepeatedAfterItsUndoMovesNothing() {
        testbed.send(orderId, adjust("op-a", mug, 1));
        testbed.send(orderId, undo("op-a"));
        testbed.forgetEmitted();

        testbed.send(orderId, adjust("op-a", mug, 1));

        assertThat(only(StockUnavailable.class).getReason()).isEqualTo("the adjustment was withdrawn");
        assertThat(testbed.emitted()).hasSize(1);
        assertThat(lines()).containsExactly(mug + "@north:4");
    }

    @Test
    void anUndoBeforeItsAdjustmentWithdrawsIt() {
        testbed.send(orderId, undo("op-late"));

        assertThat(only(StockAdjustmentUndone.class).getOperationId()).isEqualTo("op-late");
        testbed.forgetEmitted();

        testbed.send(orderId, adjust("op-late", mug, 1, tea, 1));

        StockUnavailable refusal = only(StockUnavailable.class);
        assertThat(refusal.getReason()).isEqualTo("the adjustment was withdrawn");
        assertThat(refusal.getSkusList()).containsExactly(mug, tea);
        assertThat(testbed.emitted()).hasSize(1);
        assertThat(lines()).containsExactly(mug + "@north:4");
        assertThat(testbed.level(mug, "north")).isEqualTo(new StockLevel(mug, "north", 1, 0));
        assertThat(testbed.movements(tea)).containsExactly("SEED:5", "SEED:9");
        assertThat(testbed.query("SELECT count(*) FROM stock_adjustment_line WHERE order_id = ?", orderId))
                .containsExactly("0");
    }

    @Test
    void notEnoughStockChangesNothingAndARepeatDecidesAgain() {
        testbed.send(orderId, adjust("op-a", mug, -1, tea, 15));

        StockUnavailable refusal = only(StockUnavailable.class);
        assertThat(refusal.getSkusList()).containsExactly(tea);
        assertThat(refusal.getReason()).contains("not enough stock of " + tea);
        assertThat(testbed.emitted()).hasSize(1);
        assertThat(lines()).containsExactly(mug + "@north:4");
        assertThat(testbed.movements(mug)).containsExactly("SEED:5", "SEED:2", "COMMIT:-4");
        assertThat(testbed.movements(tea)).containsExactly("SEED:5", "SEED:9");
        assertThat(testbed.query("SELECT count(*) FROM stock_adjustment WHERE order_id = ?", orderId))
                .containsExactly("0");

        testbed.inventory().adjust(tea, "east", 6, "delivery");
        testbed.forgetEmitted();
        testbed.send(orderId, adjust("op-a", mug, -1, tea, 15));

        assertThat(moved(only(StockAdjusted.class))).containsExactly(tuple(mug, "north", -1), tuple(tea, "east", 15));
    }

    @Test
    void onlyACommittedOrdersStockIsAdjusted() {
        String heldOrder = "order-" + UUID.randomUUID();
        testbed.send(heldOrder, reserve(heldOrder, mug, 1));
        testbed.forgetEmitted();

        testbed.send(heldOrder, adjustOf(heldOrder, "op-a", mug, 1));
        testbed.send("nobody", adjustOf("nobody", "op-a", mug, 1));

        assertThat(testbed.emitted(StockUnavailable.class)).extracting(StockUnavailable::getReason).containsExactly(
                "only a committed order's stock can be adjusted; the reservation of order " + heldOrder + " is HELD",
                "order nobody holds no stock");
        assertThat(testbed.inventory().levels(mug)).containsExactly(
                new StockLevel(mug, "north", 1, 0), new StockLevel(mug, "south", 2, 1));
        assertThat(testbed.query("SELECT count(*) FROM stock_adjustment WHERE order_id IN (?, ?)", heldOrder, "nobody"))
                .containsExactly("0");
    }

    @Test
    void puttingBackMoreThanTheOrderHoldsIsRefusedAsAnError() {
        assertThatThrownBy(() -> testbed.send(orderId, adjust("op-a", mug, -5)))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(lines()).containsExactly(mug + "@north:4");
        assertThat(testbed.emitted()).isEmpty();
    }

    @Test
    void anUndoNeverOversellsUnitsSoldMeanwhile() {
        testbed.send(orderId, adjust("op-b", mug, -3));
        String otherOrder = "order-" + UUID.randomUUID();
        testbed.send(otherOrder, reserve(otherOrder, mug, 3));
        testbed.forgetEmitted();

        assertThatThrownBy(() -> testbed.send(orderId, undo("op-b"))).isInstanceOfSatisfying(
                ReservationLostException.class, e -> assertThat(e.orderId()).isEqualTo(orderId));

        assertThat(testbed.level(mug, "north")).isEqualTo(new StockLevel(mug, "north", 4, 3));
        assertThat(lines()).containsExactly(mug + "@north:1");
        assertThat(testbed.query("SELECT status FROM stock_adjustment WHERE order_id = ?", orderId))
                .containsExactly("APPLIED");
        assertThat(testbed.emitted()).isEmpty();
    }

    private AdjustOrderStock adjust(String operationId, Object... skuThenQuantity) {
        return adjustOf(orderId, operationId, skuThenQuantity);
    }

    private static AdjustOrderStock adjustOf(String orderId, String operationId, Object... skuThenQuantity) {
        AdjustOrderStock.Builder command = AdjustOrderStock.newBuilder().setOrderId(orderId).setOperationId(operationId);
        for (int i = 0; i < skuThenQuantity.length; i += 2) {
            command.addChanges(StockChange.newBuilder()
                    .setSku((String) skuThenQuantity[i]).setQuantity((Integer) skuThenQuantity[i + 1]));
        }
        return command.build();
    }

    private UndoStockAdjustment undo(String operationId) {
        return UndoStockAdjustment.newBuilder().setOrderId(orderId).setOperationId(operationId)
                .setReason("payment declined").build();
    }

    /** The order's reservation lines as sku@warehouse:quantity. */
    private List<String> lines() {
        return testbed.query("SELECT sku || '@' || warehouse || ':' || quantity FROM reservation_line"
                + " WHERE order_id = ? ORDER BY sku COLLATE \"C\", warehouse COLLATE \"C\"", orderId);
    }

    /** The order's stock movements, oldest first, as reason:sku@warehouse:delta:note. */
    private List<String> orderMovements() {
        return testbed.query("SELECT reason || ':' || sku || '@' || warehouse || ':' || delta || ':' || coalesce(note, '')"
                + " FROM stock_movement WHERE order_id = ? ORDER BY id", orderId);
    }

    private static List<Tuple> moved(StockAdjusted adjusted) {
        return adjusted.getMovedList().stream().map(a -> tuple(a.getSku(), a.getWarehouse(), a.getQuantity())).toList();
    }

    private static <T extends com.google.protobuf.Message> T only(Class<T> type) {
        List<T> emitted = testbed.emitted(type);
        assertThat(emitted).hasSize(1);
        return emitted.get(0);
    }
}
