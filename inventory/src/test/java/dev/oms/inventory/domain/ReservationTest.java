package dev.oms.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
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
    void aCommittedReservationCanBeReleasedWhenItsOrderIsCancelledBeforeShipping() {
        Reservation released = held.commit().release();

        assertThat(released.status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(released.lines()).isEqualTo(held.lines());
    }

    @Test
    void aReleasedReservationCannotBeCommitted() {
        assertThatThrownBy(() -> held.release().commit())
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo(ReservationStatus.RELEASED);
                    assertThat(e.to()).isEqualTo(ReservationStatus.COMMITTED);
                });
    }

    @Test
    void anExpiredReservationCanOnlyBeCommitted() {
        Reservation expired = held.expire();

        assertThat(expired.status()).isEqualTo(ReservationStatus.EXPIRED);
        assertThat(expired.commit().status()).isEqualTo(ReservationStatus.COMMITTED);
        assertThatThrownBy(expired::release).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(expired::expire).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void onlyTheseTransitionsExist() {
        Set<String> allowed = Set.of("HELD->COMMITTED", "HELD->RELEASED", "HELD->EXPIRED", "COMMITTED->RELEASED",
                "EXPIRED->COMMITTED");
        for (ReservationStatus from : ReservationStatus.values()) {
            for (ReservationStatus to : ReservationStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(allowed.contains(from + "->" + to));
            }
        }
    }

    @Test
    void nothingIsLeftToGiveBackOnceReleasedOrExpired() {
        assertThat(ReservationStatus.RELEASED.holdsNothing()).isTrue();
        assertThat(ReservationStatus.EXPIRED.holdsNothing()).isTrue();
        assertThat(ReservationStatus.HELD.holdsNothing()).isFalse();
        assertThat(ReservationStatus.COMMITTED.holdsNothing()).isFalse();
    }
}
