package dev.oms.audit;

import dev.oms.contracts.Envelope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;

/** Appends entries; one already there (same message id) is left as it is, so a redelivery appends nothing. */
public final class AuditWriter {
    private static final String INSERT = """
            INSERT INTO %s (message_id, type, schema_version, correlation_id, causation_id, saga_id, producer,
                            occurred_at, trace_id, traceparent, topic, kafka_partition, kafka_offset, payload,
                            payload_bytes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)
            ON CONFLICT DO NOTHING""".formatted(AuditLog.TABLE);

    private AuditWriter() {}

    /** Appends in the caller's transaction; returns how many entries were new. */
    public static int append(Connection c, List<AuditEntry> entries) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (AuditEntry entry : entries) {
                Envelope e = entry.envelope();
                insert.setObject(1, e.messageId());
                insert.setString(2, e.type());
                insert.setInt(3, e.schemaVersion());
                insert.setString(4, e.correlationId());
                insert.setObject(5, e.causationId(), Types.OTHER);
                insert.setString(6, e.sagaId());
                insert.setString(7, e.producer());
                insert.setTimestamp(8, Timestamp.from(e.occurredAt()));
                insert.setString(9, entry.traceId());
                insert.setString(10, e.traceparent());
                insert.setString(11, entry.topic());
                insert.setInt(12, entry.partition());
                insert.setLong(13, entry.offset());
                insert.setString(14, entry.payloadJson());
                insert.setBytes(15, entry.payload());
                insert.addBatch();
            }
            int appended = 0;
            for (int count : insert.executeBatch()) {
                appended += Math.max(count, 0);
            }
            return appended;
        }
    }
}
