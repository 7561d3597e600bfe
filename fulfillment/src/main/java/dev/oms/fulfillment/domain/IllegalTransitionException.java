package dev.oms.fulfillment.domain;

/** A shipment asked to move to a status its current status does not lead to. */
public class IllegalTransitionException extends IllegalStateException {
    private final ShipmentStatus from;
    private final ShipmentStatus to;

    /** {@code to} is null when the shipment was asked to move on from a status that has no next step. */
    public IllegalTransitionException(ShipmentStatus from, ShipmentStatus to) {
        super(to == null ? "shipment has no step after " + from : "shipment cannot move from " + from + " to " + to);
        this.from = from;
        this.to = to;
    }

    public ShipmentStatus from() {
        return from;
    }

    public ShipmentStatus to() {
        return to;
    }
}
