package dev.oms.projections.replay;

import dev.oms.projections.internal.RowFold.RowSink;
import dev.oms.projections.internal.RowFold.Table;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes rows into tables of one schema with COPY (text format): a buffer per table, sent whenever it fills by a
 * thread of its own, so the server takes in one buffer while the caller fills the next. A few statements for the
 * whole load instead of one per row. The connection is the sender's until {@link #finish}.
 */
final class CopyRows implements RowSink, AutoCloseable {
    private static final int FLUSH_CHARS = 1 << 20;
    private static final int BUFFERS_IN_FLIGHT = 4;

    private final CopyManager copy;
    private final String schema;
    private final Map<Table, StringBuilder> buffers = new HashMap<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "replay-copy");
        thread.setDaemon(true);
        return thread;
    });
    private final Semaphore inFlight = new Semaphore(BUFFERS_IN_FLIGHT);
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    CopyRows(Connection connection, String schema) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        this.schema = schema;
    }

    @Override
    public void row(Table table, Object... values) {
        StringBuilder buffer = buffers.computeIfAbsent(table, t -> new StringBuilder(FLUSH_CHARS + 4_096));
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                buffer.append('\t');
            }
            append(buffer, values[i]);
        }
        buffer.append('\n');
        if (buffer.length() >= FLUSH_CHARS) {
            send(table, buffer);
        }
    }

    /** Sends what is still buffered and waits until the server has taken every row; rethrows a failed COPY. */
    void finish() throws SQLException {
        buffers.forEach(this::send);
        sender.shutdown();
        try {
            if (!sender.awaitTermination(1, TimeUnit.HOURS)) {
                throw new SQLException("COPY into " + schema + " did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while copying into " + schema, e);
        } finally {
            sender.shutdownNow();
        }
        failIfFailed();
    }

    /** Stops the sender; what it has not sent yet is dropped (after {@link #finish}, nothing is left). */
    @Override
    public void close() {
        sender.shutdownNow();
    }

    private void send(Table table, StringBuilder buffer) {
        if (buffer.isEmpty()) {
            return;
        }
        String rows = buffer.toString();
        buffer.setLength(0);
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while copying into " + schema, e);
        }
        failIfFailed();
        String sql = "COPY %s.%s (%s) FROM STDIN".formatted(schema, table.name(), String.join(", ", table.columns()));
        sender.execute(() -> {
            try {
                if (failure.get() == null) {
                    copy.copyIn(sql, new StringReader(rows));
                }
            } catch (Exception e) {
                failure.compareAndSet(null, new SQLException("COPY into " + schema + "." + table.name() + " failed: "
                        + e.getMessage(), e));
            } finally {
                inFlight.release();
            }
        });
    }

    private void failIfFailed() {
        Exception e = failure.get();
        if (e != null) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A value in COPY's text format: \N for null, backslash escapes for the characters the format reserves. */
    private static void append(StringBuilder buffer, Object value) {
        if (value == null) {
            buffer.append("\\N");
            return;
        }
        String text = value.toString();
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(ch);
            }
        }
    }
}
