package dev.oms.fulfillment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oms.fulfillment.domain.ShipmentPlan.Parcel;
import dev.oms.fulfillment.domain.ShipmentPlan.Planned;
import dev.oms.fulfillment.domain.ShipmentPlan.Rejected;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShipmentPlannerTest {
    private static final ShippingAddress HOME = new ShippingAddress("Ada", "1 Main St", "Lyon", "69001", "FR");

    @Test
    void makesOneParcelPerWarehouse() {
        ShipmentPlan plan = ShipmentPlanner.plan(List.of(
                new ShipmentLine("mug", "south", 1), new ShipmentLine("tea", "north", 2), new ShipmentLine("mug", "north", 3)),
                HOME);

        assertThat(plan).isInstanceOfSatisfying(Planned.class, planned -> assertThat(planned.parcels()).containsExactly(
                new Parcel("north", List.of(new ShipmentLine("tea", "north", 2), new ShipmentLine("mug", "north", 3))),
                new Parcel("south", List.of(new ShipmentLine("mug", "south", 1)))));
    }

    @Test
    void addsUpTheSameSkuFromTheSameWarehouse() {
        ShipmentPlan plan = ShipmentPlanner.plan(
                List.of(new ShipmentLine("mug", "north", 1), new ShipmentLine("mug", "north", 2)), HOME);

        assertThat(((Planned) plan).parcels().get(0).lines()).containsExactly(new ShipmentLine("mug", "north", 3));
    }

    @Test
    void rejectsAnOrderWithoutLines() {
        assertThat(ShipmentPlanner.plan(List.of(), HOME)).isEqualTo(new Rejected("no lines to ship"));
    }

    @Test
    void rejectsAnAddressWithoutCountry() {
        ShippingAddress nowhere = new ShippingAddress("Ada", "1 Main St", "Lyon", "69001", " ");

        assertThat(ShipmentPlanner.plan(List.of(new ShipmentLine("mug", "north", 1)), nowhere))
                .isEqualTo(new Rejected("no shipping country"));
        assertThat(ShipmentPlanner.plan(List.of(new ShipmentLine("mug", "north", 1)), null)).isInstanceOf(Rejected.class);
    }

    @Test
    void rejectsALineWithoutWarehouse() {
        assertThat(ShipmentPlanner.plan(List.of(new ShipmentLine("mug", "", 1)), HOME)).isInstanceOf(Rejected.class);
    }
}
