package dev.oms.projections.order;

import dev.oms.projections.api.BusinessMetrics;
import dev.oms.projections.api.MetricsQueries;
import dev.oms.projections.internal.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** The business metrics, computed over the order view's milestones and the returns view on each call. */
final class JdbcMetricsQueries implements MetricsQueries {
    private static final String LATENCY = "extract(epoch FROM delivered_at - placed_at)";

    private final DataSource dataSource;

    JdbcMetricsQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public BusinessMetrics metrics() {
        try (Connection c = dataSource.getConnection()) {
            return Jdbc.list(c, """
                    SELECT count(*) AS placed,
                           count(confirmed_at) AS confirmed,
                           count(rejected_at) AS rejected,
                           count(delivered_at) AS delivered,
                           count(*) FILTER (WHERE payment_status IN ('PARTIALLY_REFUNDED', 'REFUNDED')) AS refunded,
                           (SELECT count(*) FROM order_return_view) AS returns,
                           (SELECT count(*) FROM order_return_view WHERE status = 'REFUNDED') AS returns_refunded,
                           percentile_cont(0.5) WITHIN GROUP (ORDER BY %1$s) FILTER (%2$s) AS p50,
                           percentile_cont(0.95) WITHIN GROUP (ORDER BY %1$s) FILTER (%2$s) AS p95
                      FROM order_view WHERE placed_at IS NOT NULL""".formatted(LATENCY, "WHERE delivered_at IS NOT NULL"),
                    JdbcMetricsQueries::metrics).get(0);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot compute the metrics", e);
        }
    }

    private static BusinessMetrics metrics(ResultSet row) throws SQLException {
        long confirmed = row.getLong("confirmed");
        long rejected = row.getLong("rejected");
        Double successRate = confirmed + rejected == 0 ? null : (double) confirmed / (confirmed + rejected);
        return new BusinessMetrics(row.getLong("placed"), confirmed, rejected, row.getLong("delivered"), successRate,
                row.getObject("p50", Double.class), row.getObject("p95", Double.class), row.getLong("refunded"),
                row.getLong("returns"), row.getLong("returns_refunded"));
    }
}
