package dev.oms.fulfillment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oms.fulfillment.domain.ReturnedUnits.Accepted;
import dev.oms.fulfillment.domain.ReturnedUnits.Placed;
import dev.oms.fulfillment.domain.ReturnedUnits.Received;
import dev.oms.fulfillment.domain.ReturnedUnits.Refused;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReturnedUnitsTest {
    private static final List<ShipmentLine> SHIPPED = List.of(
            new ShipmentLine("A", "WH-2", 2), new ShipmentLine("A", "WH-1", 1), new ShipmentLine("B", "WH-1", 1));

    @Test
    void placesUnitsInTheWarehousesTheyLeftFromRestockableFirst() {
        var verdict = ReturnedUnits.judge(Map.of("A", 3), List.of(new Received("A", 2, 1)), SHIPPED);

        assertThat(verdict).isEqualTo(new Accepted(List.of(new Placed("A", "WH-1", 1, 0), new Placed("A", "WH-2", 1, 1))));
    }

    @Test
    void fewerUnitsThanAnnouncedMayArrive() {
        assertThat(ReturnedUnits.judge(Map.of("A", 3, "B", 1), List.of(new Received("B", 0, 1)), SHIPPED))
                .isEqualTo(new Accepted(List.of(new Placed("B", "WH-1", 0, 1))));
    }

    @Test
    void refusesMoreThanAnnouncedAnUnannouncedSkuNothingOrNegativeCounts() {
        assertThat(ReturnedUnits.judge(Map.of("A", 1), List.of(new Received("A", 1, 1)), SHIPPED)).isInstanceOf(Refused.class);
        assertThat(ReturnedUnits.judge(Map.of("A", 1), List.of(new Received("B", 1, 0)), SHIPPED)).isInstanceOf(Refused.class);
        assertThat(ReturnedUnits.judge(Map.of("A", 1), List.of(new Received("A", 0, 0)), SHIPPED)).isInstanceOf(Refused.class);
        assertThat(ReturnedUnits.judge(Map.of("A", 1), List.of(new Received("A", -1, 1)), SHIPPED)).isInstanceOf(Refused.class);
        assertThat(ReturnedUnits.judge(Map.of("A", 5), List.of(new Received("A", 4, 0)), SHIPPED))
                .as("more than the shipments carried").isInstanceOf(Refused.class);
    }
}
