package dev.oms.bff.order;

import dev.oms.projections.api.OrderQueries;
import dev.oms.projections.api.OrderView;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class OrderController {
    private final OrderQueries orders;

    OrderController(OrderQueries orders) {
        this.orders = orders;
    }

    /** Null for an order the projection has not seen, which includes one placed a moment ago. */
    @QueryMapping
    OrderView order(@Argument String id) {
        return orders.order(id).orElse(null);
    }
}
