package dev.oms.messaging;

import com.google.protobuf.ByteString;
import dev.oms.contracts.Channels;
import dev.oms.contracts.Envelope;
import dev.oms.contracts.platform.v1.MessageDeadLettered;
import dev.oms.contracts.MalformedMessageException;
import dev.oms.contracts.Upcasters;
import dev.oms.messaging.release.ReleaseMembership;
import io.opentelemetry.context.Scope;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a subscription's topics and applies all the messages of a poll in one transaction, together with
 * their inbox rows (written by one statement); offsets are committed only after that, asynchronously and at
 * most every {@link OffsetCommits#INTERVAL}. If the shared transaction fails, the poll is
 * applied again one message per transaction, so a poison message fails alone: after its retry budget it is
 * parked in the dead-letter table, and its partition flows on.
 */
public final class MessageConsumer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MessageConsumer.class);
    private static final int ATTEMPTS = 5;
    /** Test mode: apply every record twice, to prove that redelivery changes nothing. */
    private static final boolean DUPLICATE_DELIVERY = Boolean.parseBoolean(System.getenv("OMS_DUPLICATE_DELIVERY"));
    /**
     * Drill mode: every poll waits this long before it is applied, a copy that is slow but correct (a bad release's
     * latency regression, a slow disk). OMS_FAULT_HANDLING_DELAY_MS; 0 = off.
     */
    private static final long HANDLING_DELAY_MS = Long.parseLong(
            System.getenv().getOrDefault("OMS_FAULT_HANDLING_DELAY_MS", "0").trim());
    private static final int MAX_OUTAGE_BACKOFF_STEP = 6;

    private final Subscription subscription;
    private final Transactions transactions;
    private final ConsumerRuns runs;

    public MessageConsumer(Subscription subscription, Transactions transactions, String bootstrap) {
        this(subscription, transactions, bootstrap, ReleaseMembership.unrouted());
    }

    /** A consumer in a service whose copies a blue/green release may share the partitions between. */
    public MessageConsumer(Subscription subscription, Transactions transactions, String bootstrap,
                           ReleaseMembership membership) {
        this.subscription = subscription;
        this.transactions = transactions;
        this.runs = new ConsumerRuns(subscription.name(), bootstrap, subscription.name(), subscription.topics(),
                this::apply, membership);
    }

    public void start() {
        runs.start();
    }

    /**
     * Applies a poll: every message is applied or parked when this returns true, so its offsets may be committed.
     * Stopped meanwhile, a failing message was left neither applied nor parked: false, so that nothing is committed
     * and the next run gets it again.
     */
    private boolean apply(ConsumerRecords<String, byte[]> records) {
        if (HANDLING_DELAY_MS > 0) {
            sleep(HANDLING_DELAY_MS);
        }
        applyAll(records);
        CrashPoints.reached(CrashPoints.CONSUMER_BEFORE_OFFSET_COMMIT);
        return runs.running();
    }

    private void applyAll(ConsumerRecords<String, byte[]> records) {
        List<Received> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            IncomingMessage message = read(record);
            if (message != null) {
                batch.add(new Received(record, message));
                if (DUPLICATE_DELIVERY) {
                    batch.add(new Received(record, message));
                }
            }
        }
        if (batch.size() > 1 && applyAsOne(batch)) {
            return;
        }
        for (Received received : batch) {
            try (Scope handling = Tracing.handling(transactions.service(), subscription.name(), received.message())) {
                applyWithRetries(received.record(), received.message());
            }
        }
    }

    private record Received(ConsumerRecord<String, byte[]> record, IncomingMessage message) {}

    /** The message in the record, or null when it is not for this subscription or unreadable (then parked). */
    private IncomingMessage read(ConsumerRecord<String, byte[]> record) {
        byte[] type = headerValue(record, Envelope.TYPE);
        if (type != null && !subscription.handles(Upcasters.currentTypeOf(new String(type, StandardCharsets.UTF_8)))) {
            return null; // most records on a shared topic are for other consumers: pass them over without parsing
        }
        Envelope envelope;
        try {
            envelope = Envelope.fromHeaders(name -> headerValue(record, name));
        } catch (MalformedMessageException e) {
            park(record, null, e);
            return null;
        }
        if (!subscription.handles(Upcasters.currentTypeOf(envelope.type()))) {
            return null;
        }
        try {
            return IncomingMessage.read(envelope, record.value(), record.topic(), record.partition(), record.offset());
        } catch (MalformedMessageException e) {
            park(record, envelope, e);
            return null;
        }
    }

    /** Applies the whole batch in one transaction; false (and nothing applied) if that transaction failed. */
    private boolean applyAsOne(List<Received> batch) {
        long start = System.nanoTime();
        PollInbox inbox = new PollInbox(batch);
        List<Transactions.Unit<Boolean>> units = new ArrayList<>(batch.size());
        List<IncomingMessage> messages = batch.stream().map(Received::message).toList();
        for (Received received : batch) {
            IncomingMessage message = received.message();
            boolean first = units.isEmpty();
            units.add(new Transactions.Unit<>(message.envelope(), tx -> {
                if (first) {
                    subscription.handler().beforeBatch(messages, tx);
                }
                return applyIf(inbox.firstDelivery(tx, message.envelope().messageId()), message, tx);
            }));
        }
        List<Boolean> applied;
        try {
            applied = transactions.inOneTransaction(units);
        } catch (RuntimeException e) {
            log.info("{}: a batch of {} failed ({}); applying its messages one by one", subscription.name(),
                    batch.size(), e.toString());
            return false;
        }
        Duration each = Duration.ofNanos((System.nanoTime() - start) / batch.size());
        for (int i = 0; i < batch.size(); i++) {
            MessagingMetrics.handled(subscription.name(), batch.get(i).message().type(),
                    applied.get(i) ? "applied" : "duplicate", each);
        }
        return true;
    }

    /** The inbox rows of a poll applied in one transaction, all written by one statement when the first unit runs. */
    private final class PollInbox {
        private final List<UUID> messageIds = new ArrayList<>();
        private Set<UUID> firstDeliveries;

        PollInbox(List<Received> batch) {
            batch.forEach(received -> messageIds.add(received.message().envelope().messageId()));
        }

        boolean firstDelivery(TransactionContext tx, UUID messageId) throws SQLException {
            if (firstDeliveries == null) {
                firstDeliveries = Inbox.firstDeliveries(tx.connection(), subscription.name(), messageIds);
            }
            return firstDeliveries.remove(messageId); // a message twice in one poll is applied once
        }
    }

    /** Handles the message if the inbox said this is its first delivery to this consumer; true if it was applied. */
    private boolean applyIf(boolean firstDelivery, IncomingMessage message, TransactionContext tx) throws Exception {
        if (firstDelivery) {
            subscription.handler().handle(message, tx);
        }
        return firstDelivery;
    }

    private void applyWithRetries(ConsumerRecord<String, byte[]> record, IncomingMessage message) {
        long start = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                boolean applied = transactions.inTransaction(message.envelope(), tx -> {
                    subscription.handler().beforeBatch(List.of(message), tx);
                    return applyIf(Inbox.firstDelivery(tx.connection(), subscription.name(),
                            message.envelope().messageId()), message, tx);
                });
                MessagingMetrics.handled(subscription.name(), message.type(), applied ? "applied" : "duplicate",
                        Duration.ofNanos(System.nanoTime() - start));
                return;
            } catch (RuntimeException e) {
                if (!runs.running()) {
                    return;
                }
                if (DatabaseOutage.causes(e)) {
                    // not the message's fault: parking it would dead-letter good messages for as long as the outage lasts
                    log.warn("{} cannot reach its database, holding {} until it is back: {}", subscription.name(),
                            message.type(), e.toString());
                    backOff(Math.min(attempt, MAX_OUTAGE_BACKOFF_STEP));
                    continue;
                }
                if (attempt >= ATTEMPTS) {
                    park(record, message.envelope(), e);
                    return;
                }
                log.warn("{} failed on {} (attempt {}), retrying: {}", subscription.name(), message.type(), attempt, e.toString());
                backOff(attempt);
            }
        }
    }

    /**
     * Parks the record in the dead-letter table and, in the same transaction, announces it on the dead-letter
     * topic (MessageDeadLettered, carrying the original record), so operators and alerting see it at once.
     */
    private void park(ConsumerRecord<String, byte[]> record, Envelope envelope, Exception error) {
        UUID messageId = envelope != null ? envelope.messageId() : UUID.nameUUIDFromBytes(
                (record.topic() + "/" + record.partition() + "/" + record.offset()).getBytes(StandardCharsets.UTF_8));
        String reason = error instanceof MalformedMessageException ? "unreadable" : "failing";
        log.error("{} parked message {} ({}) in dead_letter: {}", subscription.name(), messageId,
                envelope == null ? "no envelope" : envelope.type(), error.toString());
        MessagingMetrics.parked(subscription.name(), reason);
        transactions.inTransaction(envelope, tx -> {
            try (PreparedStatement insert = tx.connection().prepareStatement("""
                    INSERT INTO dead_letter (consumer, message_id, topic, type, error, headers, payload)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
                insert.setString(1, subscription.name());
                insert.setObject(2, messageId);
                insert.setString(3, record.topic());
                insert.setString(4, envelope == null ? null : envelope.type());
                insert.setString(5, String.valueOf(error.getMessage()));
                insert.setString(6, headersText(record));
                insert.setBytes(7, record.value());
                if (insert.executeUpdate() == 1) {
                    tx.emit(Channels.DEAD_LETTER, envelope != null ? envelope.correlationId() : messageId.toString(),
                            deadLettered(record, envelope, messageId, reason, error));
                }
            }
            return null;
        });
    }

    private MessageDeadLettered deadLettered(ConsumerRecord<String, byte[]> record, Envelope envelope, UUID messageId,
                                             String reason, Exception error) {
        MessageDeadLettered.Builder parked = MessageDeadLettered.newBuilder()
                .setConsumer(subscription.name())
                .setReason(reason)
                .setError(String.valueOf(error.getMessage()))
                .setOriginalTopic(record.topic())
                .setOriginalPartition(record.partition())
                .setOriginalOffset(record.offset())
                .setOriginalType(envelope == null ? "" : envelope.type())
                .setOriginalMessageId(messageId.toString());
        record.headers().forEach(h -> parked.putOriginalHeaders(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        if (record.value() != null) {
            parked.setOriginalPayload(ByteString.copyFrom(record.value()));
        }
        return parked.build();
    }

    private static byte[] headerValue(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : header.value();
    }

    private static String headersText(ConsumerRecord<String, byte[]> record) {
        return StreamSupport.stream(record.headers().spliterator(), false)
                .map(h -> h.key() + "=" + new String(h.value(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("\n"));
    }

    private static void backOff(int attempt) {
        sleep(50L << attempt);
    }

    private static void sleep(long millis) {
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
