package dev.oms.fulfillment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShipmentStatusTest {
    private final Shipment created = Shipment.created("s-1", "order-1", "north");

    @Test
    void walksForwardOneStepAtATimeToDelivered() {
        Shipment delivered = created.advance().advance().advance().advance();

        assertThat(delivered.status()).isEqualTo(ShipmentStatus.DELIVERED);
        assertThat(created.advance().status()).isEqualTo(ShipmentStatus.PICKED);
    }

    @Test
    void nothingFollowsDelivered() {
        Shipment delivered = created.advance().advance().advance().advance();

        assertThatThrownBy(delivered::advance)
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo(ShipmentStatus.DELIVERED);
                    assertThat(e.to()).isNull();
                });
    }

    @Test
    void canBeCancelledUntilItIsShipped() {
        assertThat(created.cancel().status()).isEqualTo(ShipmentStatus.CANCELLED);
        assertThat(created.advance().advance().cancel().status()).isEqualTo(ShipmentStatus.CANCELLED);
        assertThatThrownBy(() -> created.advance().advance().advance().cancel())
                .isInstanceOfSatisfying(IllegalTransitionException.class,
                        e -> assertThat(e.to()).isEqualTo(ShipmentStatus.CANCELLED));
    }

    @Test
    void hasLeftTheWarehouseOnceShipped() {
        assertThat(ShipmentStatus.values()).filteredOn(ShipmentStatus::hasLeftWarehouse)
                .containsExactly(ShipmentStatus.SHIPPED, ShipmentStatus.DELIVERED);
    }

    @Test
    void aCancelledShipmentNeverMovesAgain() {
        Shipment cancelled = created.cancel();

        assertThatThrownBy(cancelled::advance).isInstanceOf(IllegalTransitionException.class);
        assertThat(ShipmentStatus.CANCELLED.isFinal()).isTrue();
    }

    @Test
    void allShipmentsReachAStatusOnceTheLastLiveOneGetsThere() {
        assertThat(ShipmentStatus.allReached(List.of(ShipmentStatus.SHIPPED, ShipmentStatus.PACKED), ShipmentStatus.SHIPPED))
                .isFalse();
        assertThat(ShipmentStatus.allReached(List.of(ShipmentStatus.DELIVERED, ShipmentStatus.SHIPPED), ShipmentStatus.SHIPPED))
                .isTrue();
        assertThat(ShipmentStatus.allReached(List.of(ShipmentStatus.SHIPPED, ShipmentStatus.CANCELLED), ShipmentStatus.SHIPPED))
                .isTrue();
        assertThat(ShipmentStatus.allReached(List.of(ShipmentStatus.CANCELLED), ShipmentStatus.SHIPPED)).isFalse();
    }
}
