package dev.oms.app;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/** How the PlaceOrder sagas of some orders stand, read from the order service's tables: status -> how many. */
final class PlaceOrderOutcomes {
    private PlaceOrderOutcomes() {}

    static Map<String, Long> of(DataSource database, Collection<String> orderIds) throws SQLException {
        Map<String, Long> outcomes = new TreeMap<>();
        try (Connection c = database.getConnection(); PreparedStatement query = c.prepareStatement("""
                SELECT status, count(*) FROM "order".saga_instance
                WHERE saga_type = 'PlaceOrder' AND correlation_id = ANY (?) GROUP BY status""")) {
            query.setArray(1, c.createArrayOf("text", orderIds.toArray()));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    outcomes.put(row.getString(1), row.getLong(2));
                }
            }
        }
        return outcomes;
    }
}
