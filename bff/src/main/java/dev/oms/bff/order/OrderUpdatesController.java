package dev.oms.bff.order;

import dev.oms.bff.auth.Caller;
import dev.oms.bff.auth.Callers;
import dev.oms.projections.api.OrderQueries;
import dev.oms.projections.api.OrderUpdate;
import dev.oms.projections.api.OrderView;
import dev.oms.projections.api.ProjectionUpdates;
import java.util.Set;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Pushes an order's status changes as the order projection commits them. The listener is registered before the
 * current status is read, so no change falls between the two; updates then leave the projection's consumer thread
 * at once, because rendering one reads the order and writes to the socket.
 */
@Controller
class OrderUpdatesController {
    static final Set<String> FINAL_STATUSES = Set.of("DELIVERED", "CANCELLED", "REJECTED");

    private final ProjectionUpdates updates;
    private final OrderQueries orders;

    OrderUpdatesController(ProjectionUpdates updates, OrderQueries orders) {
        this.updates = updates;
        this.orders = orders;
    }

    @SubscriptionMapping
    Flux<OrderUpdate> orderUpdated(@Argument String orderId) {
        return updatesOf(orderId, Callers.current().requireSignedIn()).publishOn(Schedulers.boundedElastic());
    }

    /** The updates {@code caller} may see, on the thread that publishes them. */
    Flux<OrderUpdate> updatesOf(String orderId, Caller caller) {
        return Flux.defer(() -> Flux.<OrderUpdate>create(sink -> {
                    ProjectionUpdates.Registration registration = updates.onOrderUpdate(update -> {
                        if (update.orderId().equals(orderId)) {
                            sink.next(update);
                        }
                    });
                    sink.onDispose(registration::close);
                    orders.currentStatus(orderId).ifPresent(sink::next);
                })
                .filter(update -> caller.actsFor(update.customerId()))
                .filter(new NewerThanLast())
                .takeUntil(update -> FINAL_STATUSES.contains(update.status())));
    }

    /** The update was checked against the subscriber when it was let through; the order is the same customer's. */
    @SchemaMapping(typeName = "OrderUpdate")
    OrderView order(OrderUpdate update) {
        return orders.order(update.orderId()).orElse(null);
    }
}
