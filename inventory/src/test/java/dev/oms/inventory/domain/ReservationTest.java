package dev.oms.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReservationTest {
    private final Reservation held = Reservation.held("order-1", List.of(new Allocation("mug", "north", 2)));

    @Test
    void aHeldReservationCanBeReleased() {
        assertThat(held.release().status()).isEqualTo(ReservationStatus.RELEASED);
    }

    @Test
    void aHeldReservationCanBeCommitted() {
        Reservation committed = held.commit();

        assertThat(committed.status()).isEqualTo(ReservationStatus.COMMITTED);
        assertThat(committed.lines()).isEqualTo(held.lines());
    }

    @Test
    void aCommittedReservationCannotBeReleased() {
        assertThatThrownBy(() -> held.commit().release())
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo(ReservationStatus.COMMITTED);
                    assertThat(e.to()).isEqualTo(ReservationStatus.RELEASED);
                });
    }

    @Test
    void aReleasedReservationCannotBeCommitted() {
        assertThatThrownBy(() -> held.release().commit()).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void onlyAHeldReservationLeadsAnywhere() {
        for (ReservationStatus from : ReservationStatus.values()) {
            for (ReservationStatus to : ReservationStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + " -> " + to)
                        .isEqualTo(from == ReservationStatus.HELD && to != ReservationStatus.HELD);
            }
        }
    }
}
