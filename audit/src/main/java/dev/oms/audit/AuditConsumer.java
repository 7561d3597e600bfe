package dev.oms.audit;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.oms.contracts.Envelope;
import dev.oms.contracts.MalformedMessageException;
import dev.oms.contracts.MessageTypes;
import dev.oms.messaging.ConsumerRuns;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every topic of the bus in its own consumer group and appends each poll's records in one transaction, then
 * commits the offsets (asynchronously, see {@link ConsumerRuns}): at-least-once, and a redelivered record appends
 * nothing. A record it cannot read (no envelope, unknown type) is still kept, with what could be read of it.
 */
public final class AuditConsumer implements AutoCloseable {
    public static final String GROUP = "audit";
    static final String UNREADABLE = "unreadable";
    private static final Logger log = LoggerFactory.getLogger(AuditConsumer.class);
    private static final JsonFormat.Printer JSON = JsonFormat.printer().preservingProtoFieldNames()
            .omittingInsignificantWhitespace();

    private final DataSource writer;
    private final ConsumerRuns runs;

    /** {@code writer} connects as the audit writer role, whose search path need not include the audit schema. */
    public AuditConsumer(DataSource writer, String bootstrap, Collection<String> topics) {
        this.writer = writer;
        this.runs = new ConsumerRuns("audit", bootstrap, GROUP, topics, this::append);
    }

    public void start() {
        runs.start();
    }

    private boolean append(ConsumerRecords<String, byte[]> records) {
        List<AuditEntry> entries = new ArrayList<>(records.count());
        records.forEach(record -> entries.add(entryOf(record)));
        return appendUntilStored(entries);
    }

    /** Retries until stored, since skipping a batch would lose it; false when stopped first (offsets stay uncommitted). */
    private boolean appendUntilStored(List<AuditEntry> entries) {
        for (int attempt = 1; runs.running(); attempt++) {
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
        runs.close();
    }
}
