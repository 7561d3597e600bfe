package dev.oms.projections.order;

import dev.oms.messaging.MessageHandler;
import dev.oms.projections.api.LocalProjectionUpdates;
import dev.oms.projections.api.MetricsQueries;
import dev.oms.projections.api.OrderQueries;
import dev.oms.projections.api.SagaQueries;
import dev.oms.projections.internal.EventRoutes;
import dev.oms.projections.internal.Pipeline;
import dev.oms.projections.internal.RowFold;
import java.util.Set;
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

    /** The same projectors in memory, for a rebuild into empty tables. */
    public static RowFold fold() {
        return new OrderViewFold(foldRoutes());
    }

    static FoldRoutes foldRoutes() {
        FoldRoutes routes = new FoldRoutes();
        OrderProjector.foldTo(routes);
        SagaProjector.foldTo(routes);
        PaymentProjector.foldTo(routes);
        ShipmentProjector.foldTo(routes);
        NotificationProjector.foldTo(routes);
        return routes;
    }

    /** Records every order event for the timeline; runs beside the routed projectors. */
    public static Pipeline.Stage timeline() {
        return new Pipeline.Stage(OrderTimeline.types(), new OrderTimeline());
    }

    /** Tells {@code updates} of order and saga changes after commit; runs after the routed projectors. */
    /** Tells listeners in this JVM what changed, and (notifyOtherProcesses) BFFs in other processes too. */
    public static Pipeline.Stage notifier(LocalProjectionUpdates updates, boolean notifyOtherProcesses) {
        MessageHandler notifier = new UpdateNotifier(updates, notifyOtherProcesses);
        Set<String> types = UpdateNotifier.types();
        return new Pipeline.Stage(types, notifier);
    }

    public static OrderQueries queries(DataSource dataSource) {
        return new JdbcOrderQueries(dataSource);
    }

    public static SagaQueries sagas(DataSource dataSource) {
        return new JdbcSagaQueries(dataSource);
    }

    public static MetricsQueries metrics(DataSource dataSource) {
        return new JdbcMetricsQueries(dataSource);
    }
}
