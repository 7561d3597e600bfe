package dev.oms.bff.order;

import dev.oms.bff.auth.Caller;
import dev.oms.bff.auth.Callers;
import dev.oms.bff.graphql.PageInfo;
import dev.oms.bff.graphql.Paging;
import dev.oms.projections.api.OrderEventView;
import dev.oms.projections.api.OrderFilter;
import dev.oms.projections.api.OrderQueries;
import dev.oms.projections.api.OrderView;
import dev.oms.projections.api.Page;
import java.util.List;
import java.util.Optional;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Orders from the order projection, each visible to its customer and to operators only. */
@Controller
class OrderController {
    private final OrderQueries orders;

    OrderController(OrderQueries orders) {
        this.orders = orders;
    }

    /** Null for an order the projection has not seen (one placed a moment ago, too) and for another's order. */
    @QueryMapping
    OrderView order(@Argument String id) {
        return visible(orders, Callers.current().requireSignedIn(), id).orElse(null);
    }

    @QueryMapping
    Page<OrderView> orders(@Argument Integer first, @Argument String after, @Argument String status,
            @Argument String customerId) {
        Caller caller = Callers.current().requireSignedIn();
        int size = Paging.size(first);
        if (customerId != null && !caller.actsFor(customerId)) {
            return Paging.empty();
        }
        String customer = caller.isCustomer() ? caller.subject() : customerId;
        return orders.orders(new OrderFilter(status, customer), size, after);
    }

    /** Operators get the order's whole audit trail; customers their filtered timeline. */
    @SchemaMapping(typeName = "Order")
    List<OrderEventView> events(OrderView order) {
        return Callers.current().isOps() ? orders.auditTrail(order.id()) : CustomerTimeline.of(orders.events(order.id()));
    }

    @SchemaMapping(typeName = "OrderEvent", field = "id")
    String eventId(OrderEventView event) {
        return event.messageId();
    }

    @SchemaMapping(typeName = "OrderConnection")
    PageInfo pageInfo(Page<OrderView> page) {
        return new PageInfo(page.hasNextPage(), page.endCursor());
    }

    /** The order if {@code caller} may see it: the same empty answer for another's order as for an unknown one. */
    static Optional<OrderView> visible(OrderQueries orders, Caller caller, String orderId) {
        return orders.order(orderId).filter(order -> caller.actsFor(order.customerId()));
    }
}
