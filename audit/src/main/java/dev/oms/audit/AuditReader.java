package dev.oms.audit;

import dev.oms.contracts.Envelope;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.postgresql.PGStatement;

/**
 * Reads the audit log back in the order messages happened: occurred_at, then the order they were appended (within one
 * order when grouped by order), streamed through a server-side cursor in one transaction.
 */
public final class AuditReader {
    private static final int FETCH = 5_000;

    private AuditReader() {}

    /** Streams the matching records to {@code sink} through a cursor; returns how many there were. */
    public static long read(Connection c, AuditQuery query, Consumer<AuditRecord> sink) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE true");
        if (query.types() != null && !query.types().isEmpty()) {
            where.append(" AND type = ANY(?)");
            parameters.add(c.createArrayOf("text", query.types().toArray()));
        }
        if (query.topic() != null) {
            where.append(" AND topic = ?");
            parameters.add(query.topic());
        }
        if (query.from() != null) {
            where.append(" AND occurred_at >= ?");
            parameters.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.append(" AND occurred_at < ?");
            parameters.add(Timestamp.from(query.to()));
        }
        if (query.seqAbove() != null) {
            where.append(" AND (seq > ? OR recorded_at >= ?)");
            parameters.add(query.seqAbove());
            parameters.add(Timestamp.from(query.recordedSince()));
        }
        String sql = """
                SELECT seq, message_id, type, schema_version, correlation_id, causation_id, saga_id, occurred_at,
                       traceparent, producer, topic, payload_bytes, recorded_at
                  FROM %s%s ORDER BY %s""".formatted(AuditLog.TABLE, where,
                query.byOrder() ? "correlation_id, seq" : "seq");
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setFetchSize(FETCH);
            // binary transfer from the first execution: bytea and timestamps arrive undecoded, half the bytes
            select.unwrap(PGStatement.class).setPrepareThreshold(-1);
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            long count = 0;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    sink.accept(recordOf(rows));
                    count++;
                }
            }
            return count;
        } finally {
            if (autoCommit) {
                c.commit();
                c.setAutoCommit(true);
            }
        }
    }

    /** The highest sequence appended so far (0 when empty). */
    public static long lastSeq(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT COALESCE(max(seq), 0) FROM " + AuditLog.TABLE);
             ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** Reads the columns by position, in the order the SELECT lists them. */
    private static AuditRecord recordOf(ResultSet row) throws SQLException {
        Envelope envelope = new Envelope(
                row.getObject(2, UUID.class),
                row.getString(3),
                row.getInt(4),
                row.getString(5),
                row.getObject(6, UUID.class),
                row.getString(7),
                row.getTimestamp(8).toInstant(),
                row.getString(9),
                row.getString(10));
        return new AuditRecord(row.getLong(1), envelope, row.getString(11), row.getBytes(12),
                row.getTimestamp(13).toInstant());
    }
}
