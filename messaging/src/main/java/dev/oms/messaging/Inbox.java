package dev.oms.messaging;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Records which messages a consumer has applied, in the same transaction as their effect. */
public final class Inbox {
    private Inbox() {}

    /** True the first time this consumer sees the message; false for a redelivery, which must then be skipped. */
    public static boolean firstDelivery(Connection connection, String consumer, UUID messageId) throws SQLException {
        return !firstDeliveries(connection, consumer, List.of(messageId)).isEmpty();
    }

    /**
     * {@link #firstDelivery} for a whole poll in one statement: records every message and returns the ids this
     * consumer had not seen before (an id given twice is returned once).
     */
    public static Set<UUID> firstDeliveries(Connection connection, String consumer, Collection<UUID> messageIds)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO inbox (consumer, message_id) SELECT ?, id FROM unnest(?::uuid[]) AS id
                ON CONFLICT DO NOTHING RETURNING message_id""")) {
            Array ids = connection.createArrayOf("uuid", messageIds.toArray());
            insert.setString(1, consumer);
            insert.setArray(2, ids);
            Set<UUID> first = new HashSet<>();
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    first.add(rows.getObject(1, UUID.class));
                }
            }
            return first;
        }
    }
}
