package dev.oms.projections.replay;

import dev.oms.audit.AuditQuery;
import dev.oms.audit.AuditReader;
import dev.oms.projections.internal.RowFold;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Loads empty staging tables from the audit log in one pass: the log is streamed order by order, each order's events
 * are folded in memory into its rows, and the rows are copied in with COPY, all in one write transaction. Memory
 * holds one order at a time (plus what is buffered for COPY).
 */
final class BulkLoad {
    private static final int PROGRESS_EVERY = 5_000;

    private BulkLoad() {}

    /** Reads through {@code reader} (in a transaction of its own), noting what it read in {@code mark}. */
    static void load(DataSource dataSource, Connection reader, String schema, RowFold fold, AuditQuery query,
                     ReadMark mark, ProjectionReplay.Progress progress, long total) throws SQLException {
        try (Connection writer = dataSource.getConnection(); CopyRows copy = new CopyRows(writer, schema)) {
            writer.setAutoCommit(false);
            // The rows are derived from the audit log, which is durable: a crash before this commit reaches disk
            // loses only the staging tables, which a new rebuild recreates. The swap commits synchronously later,
            // and WAL is flushed in order, so no live table can ever point at rows that were not flushed.
            ProjectionReplay.execute(writer, "SET LOCAL synchronous_commit TO off");
            String[] order = {null};
            reader.setAutoCommit(false);
            // room to sort the log by order in memory rather than in temporary files
            ProjectionReplay.execute(reader, "SET LOCAL work_mem = '64MB'");
            AuditReader.read(reader, query.groupedByOrder(), record -> {
                if (!Objects.equals(order[0], record.envelope().correlationId())) {
                    fold.drain(copy);
                    order[0] = record.envelope().correlationId();
                }
                fold.apply(ProjectionReplay.messageOf(record));
                mark.saw(record);
                if (mark.events() % PROGRESS_EVERY == 0) {
                    progress.update(mark.events(), total);
                }
            });
            reader.commit();
            reader.setAutoCommit(true);
            fold.drain(copy);
            copy.finish();
            writer.commit();
        }
    }
}
