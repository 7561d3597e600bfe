package dev.oms.bff.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oms.bff.auth.Caller;
import dev.oms.bff.auth.Role;
import dev.oms.projections.api.LocalProjectionUpdates;
import dev.oms.projections.api.OrderEventView;
import dev.oms.projections.api.OrderFilter;
import dev.oms.projections.api.OrderQueries;
import dev.oms.projections.api.OrderUpdate;
import dev.oms.projections.api.OrderView;
import dev.oms.projections.api.Page;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

/** The order update stream without a server: updates arrive on the publishing thread, so each test is synchronous. */
class OrderUpdatesTest {
    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
    private static final Caller ALICE = new Caller("alice", Role.CUSTOMER);
    private static final Caller BOB = new Caller("bob", Role.CUSTOMER);
    private static final Caller OPERATOR = new Caller("op", Role.OPS);

    private final LocalProjectionUpdates updates = new LocalProjectionUpdates();
    private final StatusOnly orders = new StatusOnly();
    private final OrderUpdatesController controller = new OrderUpdatesController(updates, orders);

    private static OrderUpdate alices(String status, int second) {
        return new OrderUpdate("order-1", "alice", status, T0.plusSeconds(second), T0);
    }

    @Test
    void startsWithTheCurrentStatusThenEachNewerOne() {
        orders.current.put("order-1", alices("CONFIRMED", 1));
        List<String> seen = new CopyOnWriteArrayList<>();
        controller.updatesOf("order-1", ALICE).subscribe(update -> seen.add(update.status()));

        updates.publish(alices("PENDING", 0));
        updates.publish(alices("CONFIRMED", 1));
        updates.publish(alices("FULFILLING", 2));
        updates.publish(alices("SHIPPED", 2));

        assertThat(seen).containsExactly("CONFIRMED", "FULFILLING", "SHIPPED");
    }

    @Test
    void sendsAnotherCustomerNothingOfTheOrderAsIfItDidNotExist() {
        orders.current.put("order-1", alices("PENDING", 0));
        List<OrderUpdate> toBob = new CopyOnWriteArrayList<>();
        List<OrderUpdate> aboutNothing = new CopyOnWriteArrayList<>();
        controller.updatesOf("order-1", BOB).subscribe(toBob::add);
        controller.updatesOf("order-404", BOB).subscribe(aboutNothing::add);

        updates.publish(alices("CONFIRMED", 1));
        updates.publish(alices("DELIVERED", 2));

        assertThat(toBob).isEmpty();
        assertThat(aboutNothing).isEmpty();
    }

    @Test
    void showsOperatorsAnyOrder() {
        List<String> seen = new CopyOnWriteArrayList<>();
        controller.updatesOf("order-1", OPERATOR).subscribe(update -> seen.add(update.status()));

        updates.publish(alices("CONFIRMED", 1));

        assertThat(seen).containsExactly("CONFIRMED");
    }

    @Test
    void endsWithAFinalStatusAndStopsListening() {
        AtomicBoolean completed = new AtomicBoolean();
        List<String> seen = new CopyOnWriteArrayList<>();
        controller.updatesOf("order-1", ALICE)
                .subscribe(update -> seen.add(update.status()), error -> { }, () -> completed.set(true));

        updates.publish(alices("REJECTED", 1));
        updates.publish(alices("CONFIRMED", 2));

        assertThat(completed).isTrue();
        assertThat(seen).containsExactly("REJECTED");
    }

    @Test
    void stopsListeningWhenTheClientGoes() {
        List<String> seen = new CopyOnWriteArrayList<>();
        Disposable subscription = controller.updatesOf("order-1", ALICE).subscribe(update -> seen.add(update.status()));
        updates.publish(alices("CONFIRMED", 1));

        subscription.dispose();
        updates.publish(alices("FULFILLING", 2));

        assertThat(seen).containsExactly("CONFIRMED");
    }

    /** An order read side that knows only current statuses. */
    private static final class StatusOnly implements OrderQueries {
        final Map<String, OrderUpdate> current = new HashMap<>();

        @Override
        public Optional<OrderUpdate> currentStatus(String orderId) {
            return Optional.ofNullable(current.get(orderId));
        }

        @Override
        public Optional<OrderView> order(String orderId) {
            return Optional.empty();
        }

        @Override
        public Page<OrderView> orders(OrderFilter filter, int first, String after) {
            return Page.of(List.of(), false, 0);
        }

        @Override
        public List<OrderEventView> events(String orderId) {
            return List.of();
        }

        @Override
        public List<OrderEventView> auditTrail(String orderId) {
            return List.of();
        }
    }
}
