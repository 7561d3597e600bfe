package dev.oms.projections.replay;

import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.oms.audit.AuditQuery;
import dev.oms.audit.AuditReader;
import dev.oms.messaging.IncomingMessage;
import dev.oms.messaging.MessageHandler;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

/**
 * Applies events one by one with a projection's handler to the staging tables, on several connections at once.
 * Events are split by key (the order), so one order's events are applied by one worker in the order they were read;
 * each worker commits a chunk of events per transaction, without waiting for the WAL flush: a rebuild that crashes
 * is simply started again.
 */
final class ReplayWorkers implements AutoCloseable {
    private static final int CHUNK = 1_000;
    private static final List<IncomingMessage> END = List.of();

    private final List<Worker> workers = new ArrayList<>();
    private final AtomicLong applied = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private long submitted;

    ReplayWorkers(DataSource dataSource, String schema, MessageHandler handler, int count) throws SQLException {
        for (int i = 0; i < count; i++) {
            Worker worker = new Worker(dataSource.getConnection(), schema, handler, i);
            workers.add(worker);
            worker.thread.start();
        }
    }

    /**
     * Reads through {@code reader} (in a transaction of its own), noting what it read in {@code mark}, and applies
     * every event with the projection's handler, split by order over {@code count} workers when the projection
     * allows it.
     */
    static void apply(DataSource dataSource, Connection reader, String schema, ReplayableProjection projection,
                      int count, AuditQuery query, ReadMark mark, ProjectionReplay.Progress progress, long total)
            throws SQLException {
        int workers = projection.parallel() ? Math.max(1, count) : 1;
        try (ReplayWorkers pool = new ReplayWorkers(dataSource, schema, projection.messageHandler(), workers)) {
            AuditReader.read(reader, query, record -> {
                mark.saw(record);
                IncomingMessage message = ProjectionReplay.messageOf(record);
                pool.submit(keyOf(message), message);
                if (pool.submitted() % 5_000 == 0) {
                    progress.update(pool.applied(), total);
                }
            });
            pool.finish();
        }
    }

    /** The order an event concerns: its order_id field, else its correlation id. */
    static String keyOf(IncomingMessage message) {
        FieldDescriptor field = message.payload().getDescriptorForType().findFieldByName("order_id");
        if (field != null && !field.isRepeated() && field.getJavaType() == FieldDescriptor.JavaType.STRING) {
            String orderId = (String) message.payload().getField(field);
            if (!orderId.isEmpty()) {
                return orderId;
            }
        }
        return message.envelope().correlationId();
    }

    void submit(String key, IncomingMessage message) {
        failIfFailed();
        workers.get(Math.floorMod(key.hashCode(), workers.size())).add(message);
        submitted++;
    }

    long submitted() {
        return submitted;
    }

    long applied() {
        return applied.get();
    }

    /** Hands over what is buffered and waits until every worker has committed it; rethrows a worker's failure. */
    void finish() throws SQLException {
        for (Worker worker : workers) {
            worker.flush();
            worker.put(END);
        }
        for (Worker worker : workers) {
            try {
                worker.thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while replaying", e);
            }
        }
        Exception e = failure.get();
        if (e != null) {
            throw e instanceof SQLException sql ? sql : new SQLException("replay failed: " + e.getMessage(), e);
        }
    }

    private void failIfFailed() {
        Exception e = failure.get();
        if (e != null) {
            throw new IllegalStateException("replay failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        for (Worker worker : workers) {
            worker.thread.interrupt();
            try {
                worker.connection.close();
            } catch (SQLException ignored) {
                // the rebuild has ended either way; a connection that will not close is the pool's to reap
            }
        }
    }

    private final class Worker implements Runnable {
        private final Connection connection;
        private final String schema;
        private final MessageHandler handler;
        private final BlockingQueue<List<IncomingMessage>> queue = new ArrayBlockingQueue<>(8);
        private final Thread thread;
        private List<IncomingMessage> buffer = new ArrayList<>(CHUNK);

        Worker(Connection connection, String schema, MessageHandler handler, int index) {
            this.connection = connection;
            this.schema = schema;
            this.handler = handler;
            this.thread = new Thread(this, "replay-worker-" + index);
            thread.setDaemon(true);
        }

        void add(IncomingMessage message) {
            buffer.add(message);
            if (buffer.size() >= CHUNK) {
                flush();
            }
        }

        void flush() {
            if (!buffer.isEmpty()) {
                put(buffer);
                buffer = new ArrayList<>(CHUNK);
            }
        }

        void put(List<IncomingMessage> chunk) {
            try {
                while (!queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                    failIfFailed();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while replaying", e);
            }
        }

        @Override
        public void run() {
            try {
                connection.setAutoCommit(false);
                connection.setSchema(schema);
                execute("SET synchronous_commit TO off");
                connection.commit();
                ReplayContext context = new ReplayContext(connection);
                for (List<IncomingMessage> chunk = queue.take(); chunk != END; chunk = queue.take()) {
                    for (IncomingMessage message : chunk) {
                        handler.handle(message, context);
                    }
                    connection.commit();
                    applied.addAndGet(chunk.size());
                }
                execute("RESET synchronous_commit");
                connection.commit();
            } catch (Exception e) {
                failure.compareAndSet(null, e);
            }
        }

        private void execute(String sql) throws SQLException {
            try (Statement s = connection.createStatement()) {
                s.execute(sql);
            }
        }
    }
}
