package dev.oms.projections.replay;

import dev.oms.messaging.MessageHandler;
import dev.oms.projections.catalog.CatalogProjection;
import dev.oms.projections.internal.EventRoutes;
import dev.oms.projections.internal.Pipeline;
import dev.oms.projections.internal.RowFold;
import dev.oms.projections.order.OrderProjection;
import dev.oms.projections.returns.ReturnProjection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A projection as replay sees it: the tables it owns, rebuilt and swapped together, and the handler the live
 * consumer runs for them (without the live-update notifier: a rebuild tells listeners nothing). Tables are listed in
 * the order the handler first writes them, which is the order the swap locks them in: a live transaction then never
 * holds one table while waiting for another the swap already holds.
 *
 * @param parallel whether events may be applied by several workers, split by order: true when no two orders' events
 *                 touch the same row
 * @param folds makes the projection's in-memory fold, which a rebuild from empty tables loads in bulk; null when the
 *              projection has none and its handler applies every event
 */
public record ReplayableProjection(String name, List<String> tables, Pipeline handler, boolean parallel,
                                   Supplier<RowFold> folds) {

    public static final List<ReplayableProjection> ALL = List.of(orderView(), catalog(), returns());

    public ReplayableProjection {
        tables = List.copyOf(tables);
    }

    public Set<String> types() {
        return handler.types();
    }

    public MessageHandler messageHandler() {
        return handler;
    }

    public boolean foldable() {
        return folds != null;
    }

    /** A fresh fold; only for a {@link #foldable} projection. */
    public RowFold fold() {
        return folds.get();
    }

    public static ReplayableProjection named(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no projection " + name + "; known: " + names()));
    }

    public static String names() {
        return ALL.stream().map(ReplayableProjection::name).collect(Collectors.joining(", "));
    }

    /** The order view with its lines, sagas, shipments, notifications and the order timeline. */
    static ReplayableProjection orderView() {
        EventRoutes routes = new EventRoutes();
        OrderProjection.routeTo(routes);
        Pipeline pipeline = new Pipeline(List.of(OrderProjection.timeline(), new Pipeline.Stage(routes.types(), routes)));
        return new ReplayableProjection("order_view", List.of("order_event", "order_view", "order_line_view",
                "order_saga_view", "order_saga_step_view", "order_shipment_view", "order_notification_view"), pipeline,
                true, OrderProjection::fold);
    }

    /** Returns of orders; each event rewrites only its own return's rows. */
    static ReplayableProjection returns() {
        EventRoutes routes = new EventRoutes();
        ReturnProjection.routeTo(routes);
        Pipeline pipeline = new Pipeline(List.of(new Pipeline.Stage(routes.types(), routes)));
        return new ReplayableProjection("returns", ReturnProjection.TABLES, pipeline, true, null);
    }

    /** Products and stock levels; availability sums over warehouses under a per-sku lock, so one worker applies it. */
    static ReplayableProjection catalog() {
        EventRoutes routes = new EventRoutes();
        CatalogProjection.routeTo(routes);
        Pipeline pipeline = new Pipeline(List.of(new Pipeline.Stage(routes.types(), routes)));
        return new ReplayableProjection("catalog", List.of("stock_view", "product_view"), pipeline, false, null);
    }
}
