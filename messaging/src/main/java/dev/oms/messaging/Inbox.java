package dev.oms.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** Records which messages a consumer has applied, in the same transaction as their effect. */
public final class Inbox {
    private Inbox() {}

    /** True the first time this consumer sees the message; false for a redelivery, which must then be skipped. */
    public static boolean firstDelivery(Connection connection, String consumer, UUID messageId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO inbox (consumer, message_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            insert.setString(1, consumer);
            insert.setObject(2, messageId);
            return insert.executeUpdate() == 1;
        }
    }
}
