package dev.oms.projections;

import dev.oms.contracts.Channels;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.ServiceRuntime;
import dev.oms.messaging.Subscription;
import dev.oms.projections.api.OrderQueries;
import dev.oms.projections.api.ProductQueries;
import dev.oms.projections.catalog.CatalogProjection;
import dev.oms.projections.internal.EventRoutes;
import dev.oms.projections.order.OrderProjection;
import java.util.List;
import javax.sql.DataSource;

/** The read side: folds every service's events into read tables in its own schema and answers queries on them. */
public final class ProjectionsService {
    public static final String NAME = "projections";

    private final EventRoutes routes;
    private final OrderQueries orders;
    private final ProductQueries products;

    private ProjectionsService(EventRoutes routes, DataSource dataSource) {
        this.routes = routes;
        this.orders = OrderProjection.queries(dataSource);
        this.products = CatalogProjection.queries(dataSource);
    }

    /**
     * Subscribes (subscription name "projections", topic Channels.EVENTS, the event types the read models fold in)
     * on the runtime. Caller runs runtime.migrate() before, runtime.start() after.
     */
    public static ProjectionsService register(ServiceRuntime runtime) {
        EventRoutes routes = new EventRoutes();
        OrderProjection.routeTo(routes);
        CatalogProjection.routeTo(routes);
        runtime.subscribe(Subscription.of(NAME, List.of(Channels.EVENTS), routes.types(), routes));
        return new ProjectionsService(routes, runtime.transactions().dataSource());
    }

    public OrderQueries orders() {
        return orders;
    }

    public ProductQueries products() {
        return products;
    }

    /** The subscription's handler, for tests that apply events without a broker. */
    MessageHandler handler() {
        return routes;
    }
}
