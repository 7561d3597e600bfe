package dev.oms.projections.catalog;

import dev.oms.projections.api.ProductQueries;
import dev.oms.projections.api.StockQueries;
import dev.oms.projections.internal.EventRoutes;
import javax.sql.DataSource;

/** The catalog view's face to the service: the events it folds in and the queries it answers. */
public final class CatalogProjection {
    private CatalogProjection() {}

    public static void routeTo(EventRoutes routes) {
        ProductProjector.routeTo(routes);
    }

    public static ProductQueries queries(DataSource dataSource) {
        return new JdbcProductQueries(dataSource);
    }

    public static StockQueries stock(DataSource dataSource) {
        return new JdbcStockQueries(dataSource);
    }
}
