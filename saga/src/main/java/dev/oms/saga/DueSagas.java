package dev.oms.saga;

import dev.oms.messaging.TransactionContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashSet;
import java.util.Set;

/**
 * Which saga types have a timer due, in one read: a service running several sagas asks this once per poll and fires
 * only those engines' timers, instead of a transaction per saga type whether anything is due or not.
 */
public final class DueSagas {
    private DueSagas() {}

    public static Set<String> typesDue(TransactionContext tx) throws SQLException {
        try (PreparedStatement select = tx.connection().prepareStatement(
                "SELECT DISTINCT saga_type FROM saga_instance WHERE deadline <= ?")) {
            select.setTimestamp(1, Timestamp.from(tx.now()));
            Set<String> types = new HashSet<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    types.add(row.getString(1));
                }
            }
            return types;
        }
    }
}
