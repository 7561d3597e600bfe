package dev.oms.projections;

import dev.oms.contracts.Channels;
import dev.oms.messaging.MessageHandler;
import dev.oms.messaging.ServiceRuntime;
import dev.oms.messaging.Subscription;
import dev.oms.projections.api.LocalProjectionUpdates;
import dev.oms.projections.api.MetricsQueries;
import dev.oms.projections.api.OrderQueries;
import dev.oms.projections.api.ProductQueries;
import dev.oms.projections.api.ProjectionUpdates;
import dev.oms.projections.api.SagaQueries;
import dev.oms.projections.api.StockQueries;
import dev.oms.projections.catalog.CatalogProjection;
import dev.oms.projections.internal.EventRoutes;
import dev.oms.projections.internal.Pipeline;
import dev.oms.projections.api.ReturnQueries;
import dev.oms.projections.order.OrderProjection;
import dev.oms.projections.returns.ReturnProjection;
import dev.oms.projections.order.ProjectionListener;
import java.util.List;
import javax.sql.DataSource;

/**
 * The read side: folds every service's events into read tables in its own schema, answers queries on them and
 * tells listeners in this JVM what changed.
 */
public final class ProjectionsService {
    public static final String NAME = "projections";

    private final Pipeline pipeline;
    private final LocalProjectionUpdates updates;
    private final OrderQueries orders;
    private final ProductQueries products;
    private final SagaQueries sagas;
    private final StockQueries stock;
    private final MetricsQueries metrics;
    private final ReturnQueries returns;

    private ProjectionsService(Pipeline pipeline, LocalProjectionUpdates updates, DataSource dataSource) {
        this.pipeline = pipeline;
        this.updates = updates;
        ReadSide read = readSide(dataSource, updates);
        this.orders = read.orders();
        this.products = read.products();
        this.sagas = read.sagas();
        this.stock = read.stock();
        this.metrics = read.metrics();
        this.returns = read.returns();
    }

    /** What a BFF reads: the queries on the read tables, and where it hears of changes. */
    public record ReadSide(OrderQueries orders, ProductQueries products, SagaQueries sagas, StockQueries stock,
                           MetricsQueries metrics, ReturnQueries returns, ProjectionUpdates updates) {}

    /** The queries on read tables that projections in another process keep ({@code dataSource}: their schema). */
    public static ReadSide readSide(DataSource dataSource, ProjectionUpdates updates) {
        return new ReadSide(OrderProjection.queries(dataSource), CatalogProjection.queries(dataSource),
                OrderProjection.sagas(dataSource), CatalogProjection.stock(dataSource), OrderProjection.metrics(dataSource),
                ReturnProjection.queries(dataSource), updates);
    }

    /** Changes the projections in another process commit, told to {@code updates} (a BFF of its own listens so). */
    public static ProjectionListener listen(DataSource reads, LocalProjectionUpdates updates) {
        return ProjectionListener.start(reads, updates);
    }

    public ReadSide readSide() {
        return new ReadSide(orders, products, sagas, stock, metrics, returns, updates);
    }

    /**
     * Subscribes (subscription name "projections", topic Channels.EVENTS, the event types the read models fold in)
     * on the runtime. Caller runs runtime.migrate() before, runtime.start() after.
     */
    public static ProjectionsService register(ServiceRuntime runtime) {
        return register(runtime, false);
    }

    /**
     * As {@link #register(ServiceRuntime)}; with {@code notifyOtherProcesses} every change is also NOTIFYed on the
     * database with its commit, for BFFs in other processes ({@link #listen}).
     */
    public static ProjectionsService register(ServiceRuntime runtime, boolean notifyOtherProcesses) {
        EventRoutes routes = new EventRoutes();
        OrderProjection.routeTo(routes);
        CatalogProjection.routeTo(routes);
        ReturnProjection.routeTo(routes);
        LocalProjectionUpdates updates = new LocalProjectionUpdates();
        Pipeline pipeline = new Pipeline(List.of(
                OrderProjection.timeline(),
                new Pipeline.Stage(routes.types(), routes),
                OrderProjection.notifier(updates, notifyOtherProcesses)));
        runtime.subscribe(Subscription.of(NAME, List.of(Channels.EVENTS), pipeline.types(), pipeline));
        return new ProjectionsService(pipeline, updates, runtime.transactions().dataSource());
    }

    public OrderQueries orders() {
        return orders;
    }

    public ProductQueries products() {
        return products;
    }

    public SagaQueries sagas() {
        return sagas;
    }

    public StockQueries stock() {
        return stock;
    }

    public MetricsQueries metrics() {
        return metrics;
    }

    /** Changes as this JVM's consumer commits them; a BFF in another process would need its own feed. */
    public ProjectionUpdates updates() {
        return updates;
    }

    /** The subscription's handler, for tests that apply events without a broker. */
    MessageHandler handler() {
        return pipeline;
    }
}
