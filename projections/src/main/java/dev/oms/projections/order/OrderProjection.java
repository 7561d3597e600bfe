package dev.oms.projections.order;

import dev.oms.projections.api.OrderQueries;
import dev.oms.projections.internal.EventRoutes;
import javax.sql.DataSource;

/** The order view's face to the service: the events it folds in and the queries it answers. */
public final class OrderProjection {
    private OrderProjection() {}

    public static void routeTo(EventRoutes routes) {
        OrderProjector.routeTo(routes);
        SagaProjector.routeTo(routes);
        PaymentProjector.routeTo(routes);
        ShipmentProjector.routeTo(routes);
        NotificationProjector.routeTo(routes);
    }

    public static OrderQueries queries(DataSource dataSource) {
        return new JdbcOrderQueries(dataSource);
    }
}
