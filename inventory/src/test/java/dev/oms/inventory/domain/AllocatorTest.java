package dev.oms.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oms.inventory.domain.AllocationDecision.Allocated;
import dev.oms.inventory.domain.AllocationDecision.Refused;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocatorTest {

    @Test
    void takesEveryLineFromOneWarehouseWhenOneCanServeThemAll() {
        AllocationDecision decision = Allocator.decide(
                List.of(line("mug", 2), line("tea", 2)),
                List.of(stock("mug", "north", 50), stock("tea", "north", 1), stock("mug", "south", 2), stock("tea", "south", 3)));

        assertThat(allocations(decision)).containsExactly(
                new Allocation("mug", "south", 2), new Allocation("tea", "south", 2));
    }

    @Test
    void prefersTheWarehouseWithMostOfTheRequestedStockAmongThoseThatServeEverything() {
        AllocationDecision decision = Allocator.decide(
                List.of(line("mug", 1)),
                List.of(stock("mug", "north", 3), stock("mug", "south", 9)));

        assertThat(allocations(decision)).containsExactly(new Allocation("mug", "south", 1));
    }

    @Test
    void breaksTiesBetweenWarehousesByName() {
        AllocationDecision decision = Allocator.decide(
                List.of(line("mug", 1)),
                List.of(stock("mug", "south", 4), stock("mug", "north", 4)));

        assertThat(allocations(decision)).containsExactly(new Allocation("mug", "north", 1));
    }

    @Test
    void splitsALineAcrossWarehousesFullestFirstWhenNoneHoldsEnough() {
        AllocationDecision decision = Allocator.decide(
                List.of(line("mug", 7)),
                List.of(stock("mug", "east", 1), stock("mug", "north", 4), stock("mug", "south", 2)));

        assertThat(allocations(decision)).containsExactly(
                new Allocation("mug", "north", 4), new Allocation("mug", "south", 2), new Allocation("mug", "east", 1));
    }

    @Test
    void addsUpRepeatedLinesOfTheSameSku() {
        AllocationDecision decision = Allocator.decide(
                List.of(line("mug", 1), line("mug", 2)),
                List.of(stock("mug", "north", 3)));

        assertThat(allocations(decision)).containsExactly(new Allocation("mug", "north", 3));
    }

    @Test
    void refusesWhenTheTotalAvailableIsShort() {
        AllocationDecision decision = Allocator.decide(
                List.of(line("mug", 1), line("tea", 5)),
                List.of(stock("mug", "north", 1), stock("tea", "north", 2), stock("tea", "south", 2)));

        assertThat(decision).isInstanceOfSatisfying(Refused.class, refused -> {
            assertThat(refused.skus()).containsExactly("tea");
            assertThat(refused.reason()).contains("not enough stock");
        });
    }

    @Test
    void refusesAnUnknownSku() {
        AllocationDecision decision = Allocator.decide(List.of(line("ghost", 1)), List.of(stock("mug", "north", 1)));

        assertThat(decision).isInstanceOfSatisfying(Refused.class, refused -> {
            assertThat(refused.skus()).containsExactly("ghost");
            assertThat(refused.reason()).contains("unknown SKU");
        });
    }

    @Test
    void refusesAQuantityBelowOne() {
        AllocationDecision decision = Allocator.decide(List.of(line("mug", 0)), List.of(stock("mug", "north", 5)));

        assertThat(decision).isInstanceOfSatisfying(Refused.class, refused -> {
            assertThat(refused.skus()).containsExactly("mug");
            assertThat(refused.reason()).contains("quantity");
        });
    }

    @Test
    void refusesAnEmptyRequest() {
        assertThat(Allocator.decide(List.of(), List.of(stock("mug", "north", 5)))).isInstanceOf(Refused.class);
    }

    @Test
    void neverCountsReservedUnitsAsAvailable() {
        AllocationDecision decision = Allocator.decide(List.of(line("mug", 1)), List.of(stock("mug", "north", 0)));

        assertThat(decision).isInstanceOf(Refused.class);
    }

    private static List<Allocation> allocations(AllocationDecision decision) {
        assertThat(decision).isInstanceOf(Allocated.class);
        return ((Allocated) decision).allocations();
    }

    private static RequestedLine line(String sku, int quantity) {
        return new RequestedLine(sku, quantity);
    }

    private static Availability stock(String sku, String warehouse, long available) {
        return new Availability(sku, warehouse, available);
    }
}
