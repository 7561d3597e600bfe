package dev.oms.projections.api;

/**
 * One shipment; status is CREATED, PICKED, PACKED, SHIPPED, DELIVERED or CANCELLED; holdReason is why an operator holds
 * it (it goes no further until released), null when it is not held.
 */
public record ShipmentView(String id, String warehouse, String status, String holdReason) {

    public ShipmentView(String id, String warehouse, String status) {
        this(id, warehouse, status, null);
    }

    public boolean held() {
        return holdReason != null;
    }
}
