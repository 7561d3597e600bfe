package dev.oms.inventory.domain;

import java.util.List;

/** Units held for one order, by warehouse. Its transitions return the reservation in its new status. */
public record Reservation(String orderId, ReservationStatus status, List<Allocation> lines) {

    public Reservation {
        lines = List.copyOf(lines);
    }

    public static Reservation held(String orderId, List<Allocation> lines) {
        return new Reservation(orderId, ReservationStatus.HELD, lines);
    }

    public Reservation release() {
        return new Reservation(orderId, status.moveTo(ReservationStatus.RELEASED), lines);
    }

    public Reservation commit() {
        return new Reservation(orderId, status.moveTo(ReservationStatus.COMMITTED), lines);
    }

    public Reservation expire() {
        return new Reservation(orderId, status.moveTo(ReservationStatus.EXPIRED), lines);
    }
}
