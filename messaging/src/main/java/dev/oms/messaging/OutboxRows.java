package dev.oms.messaging;

import dev.oms.contracts.Envelope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Reads an outbox row back into the message it holds. */
final class OutboxRows {
    private OutboxRows() {}

    static OutgoingMessage read(ResultSet row) throws SQLException {
        Envelope envelope = new Envelope(
                row.getObject("message_id", UUID.class),
                row.getString("type"),
                row.getInt("schema_version"),
                row.getString("correlation_id"),
                row.getObject("causation_id", UUID.class),
                row.getString("saga_id"),
                row.getTimestamp("occurred_at").toInstant(),
                row.getString("traceparent"),
                row.getString("producer"));
        return new OutgoingMessage(row.getString("topic"), row.getString("msg_key"), envelope, row.getBytes("payload"));
    }
}
