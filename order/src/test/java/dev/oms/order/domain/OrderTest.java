package dev.oms.order.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oms.order.domain.PlacementFailure.CancelledOnRequest;
import dev.oms.order.domain.PlacementFailure.Refused;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Given an order in a status, when something happens to it, expect the status change it makes (or none). */
class OrderTest {
    private static final String ID = "order-1";

    private static Order in(OrderStatus status) {
        return new Order(ID, status);
    }

    private static StatusChange change(OrderStatus from, OrderStatus to, String reason) {
        return new StatusChange(ID, from, to, reason);
    }

    @Test
    void goesFromPendingToDeliveredStepByStep() {
        Order order = in(OrderStatus.PENDING);

        assertThat(order.confirm()).contains(change(OrderStatus.PENDING, OrderStatus.CONFIRMED, ""));
        assertThat(order.startFulfilling()).contains(change(OrderStatus.CONFIRMED, OrderStatus.FULFILLING, ""));
        assertThat(order.ship()).contains(change(OrderStatus.FULFILLING, OrderStatus.SHIPPED, ""));
        assertThat(order.deliver()).contains(change(OrderStatus.SHIPPED, OrderStatus.DELIVERED, ""));
        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
    }

    @Test
    void aRepeatedOrLateEventChangesNothing() {
        assertThat(in(OrderStatus.CONFIRMED).confirm()).isEmpty();
        assertThat(in(OrderStatus.SHIPPED).startFulfilling()).isEmpty();
        assertThat(in(OrderStatus.CANCELLED).ship()).isEmpty();
        assertThat(in(OrderStatus.CANCELLED).deliver()).isEmpty();
    }

    @Test
    void aPendingOrderWhoseStepRefusedIsRejected() {
        assertThat(in(OrderStatus.PENDING).placementUndone(new Refused("reserve_stock: stock unavailable")))
                .contains(change(OrderStatus.PENDING, OrderStatus.REJECTED, "reserve_stock: stock unavailable"));
    }

    @Test
    void aPendingOrderWhosePlacementWasUndoneOnRequestIsCancelled() {
        assertThat(in(OrderStatus.PENDING).placementUndone(new CancelledOnRequest("changed my mind")))
                .contains(change(OrderStatus.PENDING, OrderStatus.CANCELLED, "changed my mind"));
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"CONFIRMED", "FULFILLING"})
    void anAcceptedOrderWhosePlacementWasUndoneIsCancelledNotRejected(OrderStatus accepted) {
        assertThat(in(accepted).placementUndone(new Refused("create_shipment: rejected: no carrier")))
                .contains(change(accepted, OrderStatus.CANCELLED, "create_shipment: rejected: no carrier"));
    }

    @ParameterizedTest
    @EnumSource(value = OrderStatus.class, names = {"CANCELLED", "REJECTED", "DELIVERED"})
    void anEndedOrderStaysAsItEnded(OrderStatus ended) {
        Order order = in(ended);

        assertThat(order.placementUndone(new CancelledOnRequest("again"))).isEmpty();
        assertThat(order.cancel("again")).isEmpty();
        assertThat(order.status()).isEqualTo(ended);
    }

    @Test
    void aShippedOrderCannotBeCancelled() {
        assertThat(in(OrderStatus.SHIPPED).cancel("too late")).isEqualTo(Optional.empty());
    }

    @Test
    void aFulfillingOrderIsCancelledWithTheCustomersReason() {
        assertThat(in(OrderStatus.FULFILLING).cancel("changed my mind"))
                .contains(change(OrderStatus.FULFILLING, OrderStatus.CANCELLED, "changed my mind"));
    }
}
