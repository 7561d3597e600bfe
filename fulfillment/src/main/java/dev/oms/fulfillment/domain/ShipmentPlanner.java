package dev.oms.fulfillment.domain;

import dev.oms.fulfillment.domain.ShipmentPlan.Parcel;
import dev.oms.fulfillment.domain.ShipmentPlan.Planned;
import dev.oms.fulfillment.domain.ShipmentPlan.Rejected;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Splits an order's lines into one parcel per warehouse, the goods leaving from where they are stocked. */
public final class ShipmentPlanner {
    private ShipmentPlanner() {}

    public static ShipmentPlan plan(List<ShipmentLine> lines, ShippingAddress address) {
        if (lines.isEmpty()) {
            return new Rejected("no lines to ship");
        }
        if (address == null || address.country() == null || address.country().isBlank()) {
            return new Rejected("no shipping country");
        }
        for (ShipmentLine line : lines) {
            if (isBlank(line.sku()) || isBlank(line.warehouse()) || line.quantity() <= 0) {
                return new Rejected("every line needs a SKU, a warehouse and a quantity of at least 1");
            }
        }
        Map<String, Map<String, Integer>> byWarehouse = new TreeMap<>();
        lines.forEach(line -> byWarehouse.computeIfAbsent(line.warehouse(), w -> new LinkedHashMap<>())
                .merge(line.sku(), line.quantity(), Math::addExact));
        return new Planned(byWarehouse.entrySet().stream()
                .map(w -> new Parcel(w.getKey(), w.getValue().entrySet().stream()
                        .map(sku -> new ShipmentLine(sku.getKey(), w.getKey(), sku.getValue())).toList()))
                .toList());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
