package dev.oms.messaging;

import dev.oms.contracts.Channels;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a schema's outbox to Kafka in id order and deletes what the broker acknowledged, in one
 * transaction per batch. A crash between the acknowledgement and the delete sends the batch again:
 * at-least-once, made effectively-once by the consumers' inbox. A transaction-scoped advisory lock lets
 * only one relay per schema publish at a time, which keeps per-key order when several copies run.
 */
public final class OutboxRelay implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /**
     * The oldest rows, or none when another relay of the schema holds the lock; in one round trip. The relay's
     * commit only deletes rows the broker already has, so it need not wait for its WAL flush (synchronous_commit
     * off for this transaction): if a crash loses the delete, the rows are sent again and the inboxes skip them.
     */
    private static final String SELECT = """
            WITH relay AS (SELECT pg_try_advisory_xact_lock(hashtext('oms.outbox.' || current_schema())) AS locked,
                                  set_config('synchronous_commit', 'off', true) AS no_flush_wait)
            SELECT id, topic, msg_key, message_id, type, schema_version, correlation_id, causation_id, saga_id,
                   occurred_at, traceparent, producer, payload
            FROM outbox, relay WHERE relay.locked ORDER BY id LIMIT ?""";

    private final String service;
    private final DataSource dataSource;
    private final Supplier<Producer<String, byte[]>> producers;
    /** Made on start: a service that only migrates or replays never connects to Kafka. */
    private Producer<String, byte[]> producer;
    private final Duration pollInterval;
    private final int batchSize;
    private final Semaphore wakeUps = new Semaphore(0);
    private Duration retention = Duration.ZERO;
    private boolean republishOnStart;
    /** System.nanoTime() of the next expiry of kept rows (nanoTime may be negative: only differences count). */
    private long nextExpiry = System.nanoTime();
    private volatile boolean running;
    private Thread thread;

    public OutboxRelay(String service, DataSource dataSource, Supplier<Producer<String, byte[]>> producers,
                       Duration pollInterval, int batchSize) {
        this.service = service;
        this.dataSource = dataSource;
        this.producers = producers;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
    }

    /**
     * Keeps what was published for {@code retention} (zero: deletes it once acknowledged), and with
     * {@code republishOnStart} publishes everything kept again when it starts: for the first start after a region's
     * promotion, when the messages on the lost region's broker may not all have been applied. Call before start.
     */
    public void keepRelayed(Duration retention, boolean republishOnStart) {
        this.retention = retention;
        this.republishOnStart = republishOnStart;
    }

    public void start() {
        if (republishOnStart) {
            log.info("{} relay: {} messages kept from before the promotion will be published again", service,
                    republishKept());
        }
        producer = producers.get();
        prefetchTopicMetadata();
        running = true;
        thread = new Thread(this::loop, service + "-outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Asks the broker for the bus's topics now, off the relay's thread: a producer's first send to a topic otherwise
     * waits for that round trip, which the first order after a start would pay once per service and topic. A topic
     * that does not exist yet only costs this thread its wait.
     */
    private void prefetchTopicMetadata() {
        Producer<String, byte[]> prefetching = producer;
        Thread thread = new Thread(() -> {
            for (String topic : Channels.ALL) {
                try {
                    prefetching.partitionsFor(topic);
                } catch (RuntimeException e) {
                    log.debug("{} relay: no metadata for {} yet: {}", service, topic, e.toString());
                }
            }
        }, service + "-outbox-metadata");
        thread.setDaemon(true);
        thread.start();
    }

    /** Tells the relay that the outbox has new rows, so it need not wait for its next poll. */
    public void wakeUp() {
        wakeUps.release();
    }

    private void loop() {
        while (running) {
            try {
                int relayed = relayOnce();
                if (relayed < batchSize) {
                    wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (running) {
                    log.warn("{} outbox relay failed, retrying in 1 s: {}", service, e.toString());
                    pause(Duration.ofSeconds(1));
                }
            }
        }
    }

    /** Publishes up to one batch; returns how many messages it published. */
    private int relayOnce() throws SQLException, InterruptedException, ExecutionException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Long> ids = new ArrayList<>();
                List<java.time.Instant> committedAt = new ArrayList<>();
                List<Future<RecordMetadata>> acks = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(SELECT)) {
                    select.setInt(1, batchSize);
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            ids.add(row.getLong("id"));
                            committedAt.add(row.getTimestamp("occurred_at").toInstant());
                            acks.add(producer.send(toRecord(row)));
                        }
                    }
                }
                if (!acks.isEmpty()) {
                    producer.flush(); // the batch is complete: send it now rather than after linger.ms
                }
                for (Future<RecordMetadata> ack : acks) {
                    ack.get();
                }
                if (!ids.isEmpty()) {
                    CrashPoints.reached(CrashPoints.RELAY_AFTER_SEND);
                }
                if (retention.isZero()) {
                    delete(connection, ids);
                } else {
                    keep(connection, ids);
                    expireKept(connection);
                }
                connection.commit();
                java.time.Instant now = java.time.Instant.now();
                committedAt.forEach(at -> MessagingMetrics.relayed(service, Duration.between(at, now)));
                return ids.size();
            } catch (SQLException | InterruptedException | ExecutionException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static ProducerRecord<String, byte[]> toRecord(ResultSet row) throws SQLException {
        OutgoingMessage message = OutboxRows.read(row);
        RecordHeaders headers = new RecordHeaders();
        message.envelope().toHeaders().forEach(headers::add);
        return new ProducerRecord<>(message.topic(), null, message.key(), message.payload(), headers);
    }

    private static void delete(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox WHERE id = ANY (?)")) {
            Array array = connection.createArrayOf("bigint", ids.toArray());
            delete.setArray(1, array);
            delete.executeUpdate();
        }
    }

    /** Moves published rows to outbox_relayed, where they stay for the retention. */
    private static void keep(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement move = connection.prepareStatement("""
                WITH moved AS (DELETE FROM outbox WHERE id = ANY (?) RETURNING *)
                INSERT INTO outbox_relayed SELECT *, now() FROM moved""")) {
            move.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            move.executeUpdate();
        }
    }

    /** Drops kept rows older than the retention, at most once a second. */
    private void expireKept(Connection connection) throws SQLException {
        long now = System.nanoTime();
        if (now - nextExpiry < 0) {
            return;
        }
        nextExpiry = now + 1_000_000_000L;
        try (PreparedStatement expire = connection.prepareStatement(
                "DELETE FROM outbox_relayed WHERE relayed_at < now() - make_interval(secs => ?)")) {
            expire.setDouble(1, retention.toMillis() / 1000.0);
            expire.executeUpdate();
        }
    }

    /**
     * Puts every kept row back into the outbox under its own id, so the relay publishes them again in their first
     * order, before anything emitted after them.
     */
    private int republishKept() {
        try (Connection connection = dataSource.getConnection(); PreparedStatement back = connection.prepareStatement("""
                WITH back AS (DELETE FROM outbox_relayed RETURNING *)
                INSERT INTO outbox (id, topic, msg_key, message_id, type, schema_version, correlation_id, causation_id,
                                    saga_id, occurred_at, traceparent, producer, payload)
                SELECT id, topic, msg_key, message_id, type, schema_version, correlation_id, causation_id,
                       saga_id, occurred_at, traceparent, producer, payload FROM back
                ON CONFLICT DO NOTHING""")) {
            return back.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(service + " relay: could not republish the kept messages", e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
