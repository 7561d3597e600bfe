package dev.oms.inventory.domain;

/** A reservation asked to move to a status its current status does not lead to. */
public class IllegalTransitionException extends IllegalStateException {
    private final ReservationStatus from;
    private final ReservationStatus to;

    public IllegalTransitionException(ReservationStatus from, ReservationStatus to) {
        super("reservation cannot move from " + from + " to " + to);
        this.from = from;
        this.to = to;
    }

    public ReservationStatus from() {
        return from;
    }

    public ReservationStatus to() {
        return to;
    }
}
