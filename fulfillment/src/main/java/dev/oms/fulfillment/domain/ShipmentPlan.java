package dev.oms.fulfillment.domain;

import java.util.List;

/** How an order's lines become shipments: one per warehouse, or the reason they cannot be shipped. */
public sealed interface ShipmentPlan {

    /** The lines of one warehouse's parcel. */
    record Parcel(String warehouse, List<ShipmentLine> lines) {
        public Parcel {
            lines = List.copyOf(lines);
        }
    }

    record Planned(List<Parcel> parcels) implements ShipmentPlan {
        public Planned {
            parcels = List.copyOf(parcels);
        }
    }

    record Rejected(String reason) implements ShipmentPlan {}
}
