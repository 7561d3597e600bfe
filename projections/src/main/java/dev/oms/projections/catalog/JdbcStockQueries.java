package dev.oms.projections.catalog;

import dev.oms.projections.api.StockLevelView;
import dev.oms.projections.api.StockQueries;
import dev.oms.projections.internal.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/** The stock_view rows of a sku, one per warehouse. */
final class JdbcStockQueries implements StockQueries {
    private final DataSource dataSource;

    JdbcStockQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public List<StockLevelView> stock(String sku) {
        try (Connection c = dataSource.getConnection()) {
            return Jdbc.list(c, """
                    SELECT sku, warehouse, on_hand, reserved, available, updated_at FROM stock_view
                     WHERE sku = ? ORDER BY warehouse""",
                    JdbcStockQueries::level, sku);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the stock of " + sku, e);
        }
    }

    private static StockLevelView level(ResultSet row) throws SQLException {
        return new StockLevelView(row.getString("sku"), row.getString("warehouse"), row.getLong("on_hand"),
                row.getLong("reserved"), row.getLong("available"), Jdbc.instant(row.getTimestamp("updated_at")));
    }
}
