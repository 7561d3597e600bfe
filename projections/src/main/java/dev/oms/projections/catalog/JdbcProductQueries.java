package dev.oms.projections.catalog;

import dev.oms.projections.api.Money;
import dev.oms.projections.api.ProductEdge;
import dev.oms.projections.api.ProductPage;
import dev.oms.projections.api.ProductQueries;
import dev.oms.projections.api.ProductView;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Keyset pagination by sku, optionally over the matches of a search; one row past the page tells whether another
 * page follows.
 */
final class JdbcProductQueries implements ProductQueries {
    private static final String COLUMNS = "sku, name, price_amount, price_currency, available";
    private static final String MATCHES = "(sku ILIKE ? OR name ILIKE ?)";

    private final DataSource dataSource;

    JdbcProductQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public ProductPage products(int first, String after, String query) {
        if (first < 0 || first > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("first must be between 0 and " + MAX_PAGE_SIZE + ", was " + first);
        }
        String afterSku = after == null ? "" : Cursors.skuOf(after);
        String pattern = query == null || query.isBlank() ? "%" : "%" + escapeLike(query.strip()) + "%";
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement("""
                SELECT t.total, p.*
                  FROM (SELECT count(*) AS total FROM product_view WHERE %2$s) t
                  LEFT JOIN (SELECT %1$s FROM product_view WHERE sku > ? AND %2$s ORDER BY sku LIMIT ?) p ON true
                 ORDER BY p.sku""".formatted(COLUMNS, MATCHES))) {
            select.setString(1, pattern);
            select.setString(2, pattern);
            select.setString(3, afterSku);
            select.setString(4, pattern);
            select.setString(5, pattern);
            select.setInt(6, first + 1);
            try (ResultSet rows = select.executeQuery()) {
                return page(rows, first);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read products", e);
        }
    }

    /** The text as a LIKE pattern that matches it literally (the default escape character is the backslash). */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static ProductPage page(ResultSet rows, int first) throws SQLException {
        List<ProductEdge> edges = new ArrayList<>();
        int total = 0;
        boolean more = false;
        while (rows.next()) {
            total = rows.getInt("total");
            if (rows.getString("sku") == null) {
                break;
            }
            if (edges.size() == first) {
                more = true;
                break;
            }
            ProductView product = product(rows);
            edges.add(new ProductEdge(Cursors.of(product.sku()), product));
        }
        String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new ProductPage(edges, more, endCursor, total);
    }

    @Override
    public Optional<ProductView> product(String sku) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM product_view WHERE sku = ?")) {
            select.setString(1, sku);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(product(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read product " + sku, e);
        }
    }

    private static ProductView product(ResultSet row) throws SQLException {
        return new ProductView(row.getString("sku"), row.getString("name"),
                new Money(row.getLong("price_amount"), row.getString("price_currency")), row.getLong("available"));
    }
}
