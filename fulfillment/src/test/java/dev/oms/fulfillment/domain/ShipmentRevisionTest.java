package dev.oms.fulfillment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oms.fulfillment.domain.ShipmentPlan.Parcel;
import dev.oms.fulfillment.domain.ShipmentRevision.Carrying;
import dev.oms.fulfillment.domain.ShipmentRevision.Change;
import dev.oms.fulfillment.domain.ShipmentRevision.Refused;
import dev.oms.fulfillment.domain.ShipmentRevision.Revised;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShipmentRevisionTest {
    private static final Shipment NORTH = Shipment.created("s-north", "order-1", "north");
    private static final Shipment SOUTH = new Shipment("s-south", "order-1", "south", ShipmentStatus.PACKED);

    private static final List<Carrying> ORDER = List.of(
            new Carrying(NORTH, List.of(line("mug", "north", 2), line("tea", "north", 1))),
            new Carrying(SOUTH, List.of(line("tea", "south", 3))));

    @Test
    void addsUnitsToALineANewLineAndANewWarehouse() {
        ShipmentRevision.Verdict verdict = ShipmentRevision.of(ORDER, List.of(
                new Change("mug", "north", 1), new Change("jam", "north", 2), new Change("mug", "west", 4)));

        assertThat(verdict).isEqualTo(new Revised(
                List.of(new Carrying(NORTH,
                        List.of(line("jam", "north", 2), line("mug", "north", 3), line("tea", "north", 1)))),
                List.of(new Parcel("west", List.of(line("mug", "west", 4)))),
                List.of()));
    }

    @Test
    void takesUnitsOffAndDropsALineAtZero() {
        ShipmentRevision.Verdict verdict = ShipmentRevision.of(ORDER, List.of(
                new Change("mug", "north", -1), new Change("tea", "north", -1)));

        assertThat(verdict).isEqualTo(new Revised(
                List.of(new Carrying(NORTH, List.of(line("mug", "north", 1)))), List.of(), List.of()));
    }

    @Test
    void cancelsAShipmentLeftWithoutLinesWhateverHowFarItGot() {
        ShipmentRevision.Verdict verdict = ShipmentRevision.of(ORDER, List.of(new Change("tea", "south", -3)));

        assertThat(verdict).isEqualTo(new Revised(List.of(), List.of(),
                List.of(new Shipment("s-south", "order-1", "south", ShipmentStatus.CANCELLED))));
    }

    @Test
    void addsUpTheChangesOfOneLineFirst() {
        ShipmentRevision.Verdict verdict = ShipmentRevision.of(ORDER, List.of(
                new Change("tea", "south", 2), new Change("tea", "south", -4), new Change("mug", "north", 0)));

        assertThat(verdict).isEqualTo(new Revised(
                List.of(new Carrying(SOUTH, List.of(line("tea", "south", 1)))), List.of(), List.of()));
    }

    @Test
    void changesNothingForChangesThatCancelOut() {
        ShipmentRevision.Verdict verdict = ShipmentRevision.of(ORDER, List.of(
                new Change("mug", "west", 2), new Change("mug", "west", -2)));

        assertThat(verdict).isEqualTo(new Revised(List.of(), List.of(), List.of()));
    }

    @Test
    void createsANewShipmentWhereTheWarehousesOneWasCancelled() {
        Shipment cancelled = new Shipment("s-old", "order-1", "west", ShipmentStatus.CANCELLED);
        List<Carrying> order = List.of(new Carrying(NORTH, List.of(line("mug", "north", 1))),
                new Carrying(cancelled, List.of()));

        assertThat(ShipmentRevision.of(order, List.of(new Change("mug", "west", 1)))).isEqualTo(new Revised(
                List.of(), List.of(new Parcel("west", List.of(line("mug", "west", 1)))), List.of()));
    }

    @Test
    void refusesToTakeOffMoreThanALineCarries() {
        assertThat(ShipmentRevision.of(ORDER, List.of(new Change("mug", "north", 1), new Change("tea", "north", -2))))
                .isEqualTo(new Refused("tea in north: 2 units cannot be taken off, the shipment carries 1"));
        assertThat(ShipmentRevision.of(ORDER, List.of(new Change("mug", "south", -1))))
                .isEqualTo(new Refused("mug in south: 1 units cannot be taken off, the shipment carries 0"));
        assertThat(ShipmentRevision.of(ORDER, List.of(new Change("mug", "west", -1))))
                .isInstanceOf(Refused.class);
    }

    @Test
    void refusesOnceAnyParcelHasLeft() {
        Shipment shipped = new Shipment("s-part", "order-1", "north", ShipmentStatus.SHIPPED);
        List<Carrying> order = List.of(ORDER.get(0), ORDER.get(1),
                new Carrying(shipped, List.of(line("mug", "north", 1))));

        assertThat(ShipmentRevision.of(order, List.of(new Change("mug", "south", 1))))
                .isEqualTo(new Refused("shipment s-part from north is SHIPPED"));
        Shipment delivered = new Shipment("s-south", "order-1", "south", ShipmentStatus.DELIVERED);
        assertThat(ShipmentRevision.of(List.of(new Carrying(delivered, List.of())), List.of()))
                .isEqualTo(new Refused("shipment s-south from south is DELIVERED"));
    }

    @Test
    void refusesAnOrderWithoutShipmentsOrWithAllCancelled() {
        assertThat(ShipmentRevision.of(List.of(), List.of(new Change("mug", "north", 1))))
                .isEqualTo(new Refused("the order has no shipments"));
        List<Carrying> cancelled = List.of(new Carrying(NORTH.cancel(), List.of(line("mug", "north", 1))));
        assertThat(ShipmentRevision.of(cancelled, List.of(new Change("mug", "north", 1))))
                .isEqualTo(new Refused("the order's shipments were cancelled"));
    }

    @Test
    void refusesAChangeWithoutSkuOrWarehouse() {
        assertThat(ShipmentRevision.of(ORDER, List.of(new Change("mug", " ", 1)))).isInstanceOf(Refused.class);
        assertThat(ShipmentRevision.of(ORDER, List.of(new Change("", "north", 1)))).isInstanceOf(Refused.class);
    }

    @Test
    void refusesMoreUnitsThanALineCanHold() {
        assertThat(ShipmentRevision.of(ORDER, List.of(new Change("mug", "north", Integer.MAX_VALUE))))
                .isEqualTo(new Refused("mug in north: too many units"));
    }

    private static ShipmentLine line(String sku, String warehouse, int quantity) {
        return new ShipmentLine(sku, warehouse, quantity);
    }
}
