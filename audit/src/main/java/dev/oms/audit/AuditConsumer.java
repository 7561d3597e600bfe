package dev.oms.audit;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.oms.contracts.Envelope;
import dev.oms.contracts.MalformedMessageException;
import dev.oms.contracts.MessageTypes;
import dev.oms.messaging.KafkaClients;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every topic of the bus in its own consumer group and appends each poll's records in one transaction, then
 * commits the offsets: at-least-once, and a redelivered record appends nothing. A record it cannot read (no
 * envelope, unknown type) is still kept, with what could be read of it.
 */
public final class AuditConsumer implements AutoCloseable {
    public static final String GROUP = "audit";
    static final String UNREADABLE = "unreadable";
    private static final Logger log = LoggerFactory.getLogger(AuditConsumer.class);
    private static final JsonFormat.Printer JSON = JsonFormat.printer().preservingProtoFieldNames()
            .omittingInsignificantWhitespace();

    private final DataSource writer;
    private final Collection<String> topics;
    private final String bootstrap;
    /** The Kafka consumer of the current run: a failed run closes it and the next run makes a new one. */
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running;
    private Thread thread;

    /** {@code writer} connects as the audit writer role, whose search path need not include the audit schema. */
    public AuditConsumer(DataSource writer, String bootstrap, Collection<String> topics) {
        this.writer = writer;
        this.topics = List.copyOf(topics);
        this.bootstrap = bootstrap;
    }

    public void start() {
        running = true;
        thread = new Thread(this::loop, "audit-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Appends until closed. A run that fails (e.g. an offset commit refused after a rebalance) ends only that run:
     * the next one starts from the committed offsets, and what the failed run appended is not appended twice (the
     * log's key is the message id). An audit log that silently stopped would leave operators blind.
     */
    private void loop() {
        while (running) {
            KafkaConsumer<String, byte[]> run = KafkaClients.consumer(bootstrap, GROUP);
            consumer = run;
            try {
                if (running) {
                    consume(run);
                }
            } catch (WakeupException e) {
                // close() asked us to stop
            } catch (RuntimeException e) {
                if (running) {
                    log.error("audit consumer failed, starting it again from its committed offsets: {}", e.toString(), e);
                    pause(1_000);
                }
            } finally {
                run.close(Duration.ofSeconds(5));
            }
        }
    }

    private void consume(KafkaConsumer<String, byte[]> run) {
        run.subscribe(topics);
        while (running) {
            ConsumerRecords<String, byte[]> records = run.poll(Duration.ofMillis(200));
            if (!records.isEmpty()) {
                List<AuditEntry> entries = new ArrayList<>(records.count());
                records.forEach(record -> entries.add(entryOf(record)));
                if (!appendUntilStored(entries)) {
                    return;
                }
                run.commitSync();
            }
        }
    }

    /** Retries until stored, since skipping a batch would lose it; false when stopped first (offsets stay uncommitted). */
    private boolean appendUntilStored(List<AuditEntry> entries) {
        for (int attempt = 1; running; attempt++) {
            try (Connection c = writer.getConnection()) {
                c.setAutoCommit(false);
                AuditWriter.append(c, entries);
                c.commit();
                return true;
            } catch (SQLException e) {
                log.warn("audit append failed (attempt {}), retrying: {}", attempt, e.toString());
                pause(Math.min(5_000L, 50L << Math.min(attempt, 7)));
            }
        }
        return false;
    }

    static AuditEntry entryOf(ConsumerRecord<String, byte[]> record) {
        byte[] payload = record.value() == null ? new byte[0] : record.value();
        Envelope envelope;
        try {
            envelope = Envelope.fromHeaders(name -> headerValue(record, name));
        } catch (MalformedMessageException e) {
            envelope = new Envelope(UUID.nameUUIDFromBytes((record.topic() + "/" + record.partition() + "/"
                    + record.offset()).getBytes(StandardCharsets.UTF_8)), UNREADABLE, 0,
                    record.key() == null ? "" : record.key(), null, null, Instant.ofEpochMilli(record.timestamp()), null,
                    UNREADABLE);
        }
        return new AuditEntry(envelope, record.topic(), record.partition(), record.offset(), payload,
                json(envelope.type(), payload));
    }

    /** The payload as JSON, or null when it cannot be parsed as its type. */
    static String json(String type, byte[] payload) {
        if (!MessageTypes.isKnown(type)) {
            return null;
        }
        try {
            return JSON.print(MessageTypes.parse(type, payload));
        } catch (MalformedMessageException | InvalidProtocolBufferException e) {
            return null;
        }
    }

    private static byte[] headerValue(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : header.value();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, byte[]> run = consumer;
        if (run != null) {
            run.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
