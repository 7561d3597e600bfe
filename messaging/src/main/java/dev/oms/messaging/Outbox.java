package dev.oms.messaging;

import dev.oms.contracts.Envelope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;

/** Appends messages to the outbox table of the connection's schema, inside the caller's transaction. */
public final class Outbox {
    private static final String INSERT = """
            INSERT INTO outbox (topic, msg_key, message_id, type, schema_version, correlation_id, causation_id,
                                saga_id, occurred_at, traceparent, producer, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private Outbox() {}

    public static void append(Connection connection, List<OutgoingMessage> messages) throws SQLException {
        if (messages.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (OutgoingMessage message : messages) {
                bind(insert, message);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void bind(PreparedStatement insert, OutgoingMessage message) throws SQLException {
        Envelope e = message.envelope();
        insert.setString(1, message.topic());
        insert.setString(2, message.key());
        insert.setObject(3, e.messageId());
        insert.setString(4, e.type());
        insert.setInt(5, e.schemaVersion());
        insert.setString(6, e.correlationId());
        insert.setObject(7, e.causationId(), Types.OTHER);
        insert.setString(8, e.sagaId());
        insert.setTimestamp(9, Timestamp.from(e.occurredAt()));
        insert.setString(10, e.traceparent());
        insert.setString(11, e.producer());
        insert.setBytes(12, message.payload());
    }
}
