package dev.oms.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrderEditPlannerTest {

    @Test
    void takesExtraUnitsFromTheWarehouseThatAlreadyHoldsTheSku() {
        EditDecision decision = OrderEditPlanner.plan(List.of(held("mug", "south", 2)), List.of(change("mug", 3)),
                List.of(stock("mug", "north", 50), stock("mug", "south", 3)));

        assertThat(moves(decision)).containsExactly(new StockMove("mug", "south", 3));
    }

    @Test
    void takesTheRestElsewhereWhenTheOrdersWarehousesRunShort() {
        EditDecision decision = OrderEditPlanner.plan(
                List.of(held("mug", "south", 2), held("mug", "east", 5)), List.of(change("mug", 6)),
                List.of(stock("mug", "east", 1), stock("mug", "north", 9), stock("mug", "south", 2)));

        assertThat(moves(decision)).containsExactly(new StockMove("mug", "east", 1), new StockMove("mug", "north", 3),
                new StockMove("mug", "south", 2));
    }

    @Test
    void takesANewSkuFromAWarehouseTheOrderShipsFromWhenItHasEnough() {
        EditDecision decision = OrderEditPlanner.plan(List.of(held("mug", "south", 2)), List.of(change("tea", 2)),
                List.of(stock("tea", "north", 50), stock("tea", "south", 2)));

        assertThat(moves(decision)).containsExactly(new StockMove("tea", "south", 2));
    }

    @Test
    void allocatesANewSkuLikeAReservationWhenTheOrdersWarehousesCannotServeIt() {
        EditDecision decision = OrderEditPlanner.plan(List.of(held("mug", "south", 2)), List.of(change("tea", 2)),
                List.of(stock("tea", "north", 1), stock("tea", "east", 5), stock("tea", "south", 1)));

        assertThat(moves(decision)).containsExactly(new StockMove("tea", "east", 2));
    }

    @Test
    void eachNewSkuPrefersTheOrdersWarehousesEvenWhenAnotherSkuMustShipFromElsewhere() {
        EditDecision decision = OrderEditPlanner.plan(List.of(held("mug", "north", 4)),
                List.of(change("mug", 3), change("tea", 1)),
                List.of(stock("mug", "north", 1), stock("mug", "south", 2), stock("tea", "north", 5),
                        stock("tea", "east", 9)));

        assertThat(moves(decision)).containsExactly(new StockMove("mug", "north", 1), new StockMove("mug", "south", 2),
                new StockMove("tea", "north", 1));
    }

    @Test
    void putsUnitsBackFromTheLargestLineFirst() {
        EditDecision decision = OrderEditPlanner.plan(
                List.of(held("mug", "east", 2), held("mug", "north", 4), held("mug", "south", 4)),
                List.of(change("mug", -5)), List.of());

        assertThat(moves(decision)).containsExactly(new StockMove("mug", "north", -4), new StockMove("mug", "south", -1));
    }

    @Test
    void refusesPuttingBackMoreThanTheOrderHolds() {
        assertThatThrownBy(() -> OrderEditPlanner.plan(List.of(held("mug", "north", 2)), List.of(change("mug", -3)),
                List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds 2");
    }

    @Test
    void netsTheChangesOfOneSku() {
        EditDecision decision = OrderEditPlanner.plan(List.of(held("mug", "north", 2)),
                List.of(change("mug", 3), change("mug", -4), change("tea", 1), change("tea", -1)),
                List.of(stock("mug", "north", 0), stock("tea", "north", 0)));

        assertThat(moves(decision)).containsExactly(new StockMove("mug", "north", -1));
    }

    @Test
    void refusesTheWholeEditWhenExtraUnitsAreShort() {
        EditDecision decision = OrderEditPlanner.plan(List.of(held("mug", "north", 2)),
                List.of(change("mug", -1), change("tea", 4), change("cup", 1)),
                List.of(stock("tea", "north", 3), stock("cup", "north", 1)));

        assertThat(decision).isEqualTo(new EditDecision.Refused(List.of("tea"), "not enough stock of tea"));
    }

    @Test
    void refusesAnUnknownSku() {
        EditDecision decision = OrderEditPlanner.plan(List.of(held("mug", "north", 2)), List.of(change("hat", 1)),
                List.of());

        assertThat(decision).isEqualTo(new EditDecision.Refused(List.of("hat"), "unknown SKU hat"));
    }

    @Test
    void movedReservationLinesGrowShrinkAppearAndGo() {
        Reservation committed = Reservation.held("o", List.of(held("mug", "north", 2), held("tea", "north", 1)))
                .commit();

        Reservation moved = committed.move(List.of(new StockMove("mug", "north", 3), new StockMove("tea", "north", -1),
                new StockMove("cup", "south", 2)));

        assertThat(moved.lines()).containsExactly(held("cup", "south", 2), held("mug", "north", 5));
        assertThat(moved.move(List.of(new StockMove("mug", "north", -3), new StockMove("tea", "north", 1),
                new StockMove("cup", "south", -2))).lines()).isEqualTo(committed.lines());
    }

    @Test
    void onlyACommittedReservationsUnitsMove() {
        Reservation held = Reservation.held("o", List.of(held("mug", "north", 2)));

        assertThatThrownBy(() -> held.move(List.of(new StockMove("mug", "north", 1))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("HELD");
        assertThatThrownBy(() -> held.commit().move(List.of(new StockMove("mug", "north", -3))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("holds 2");
    }

    private static List<StockMove> moves(EditDecision decision) {
        assertThat(decision).isInstanceOf(EditDecision.Moved.class);
        return ((EditDecision.Moved) decision).moves();
    }

    private static Allocation held(String sku, String warehouse, int quantity) {
        return new Allocation(sku, warehouse, quantity);
    }

    private static QuantityChange change(String sku, int quantity) {
        return new QuantityChange(sku, quantity);
    }

    private static Availability stock(String sku, String warehouse, long available) {
        return new Availability(sku, warehouse, available);
    }
}
