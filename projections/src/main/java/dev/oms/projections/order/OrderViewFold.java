package dev.oms.projections.order;

import dev.oms.messaging.IncomingMessage;
import dev.oms.projections.internal.RowFold;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The order view folded in memory: the timeline and the routed projectors' twins, order by order. */
final class OrderViewFold implements RowFold {
    private final Set<String> timelineTypes = OrderTimeline.types();
    private final FoldRoutes routes;
    private final Map<String, FoldedOrder> orders = new LinkedHashMap<>();

    OrderViewFold(FoldRoutes routes) {
        this.routes = routes;
    }

    @Override
    public List<Table> tables() {
        return FoldedOrder.TABLES;
    }

    @Override
    public void apply(IncomingMessage message) {
        FoldedOrder order = orders.computeIfAbsent(OrderTimeline.orderIdOf(message.payload(), message.envelope()),
                FoldedOrder::new);
        if (timelineTypes.contains(message.type())) {
            OrderTimeline.fold(message, order);
        }
        routes.apply(message, order);
    }

    @Override
    public void drain(RowSink sink) {
        orders.values().forEach(order -> order.writeTo(sink));
        orders.clear();
    }
}
