package dev.oms.messaging;

import com.google.protobuf.Message;
import dev.oms.contracts.Envelope;
import dev.oms.contracts.MalformedMessageException;
import dev.oms.contracts.MessageTypes;
import io.opentelemetry.context.Scope;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a subscription's topics and applies each message in its own transaction together with its inbox
 * row; offsets are committed only after the batch is applied. A message that keeps failing is parked in
 * the dead-letter table after its retry budget, so one poison message never blocks its partition.
 */
public final class MessageConsumer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MessageConsumer.class);
    private static final int ATTEMPTS = 5;
    /** Test mode: apply every record twice, to prove that redelivery changes nothing. */
    private static final boolean DUPLICATE_DELIVERY = Boolean.parseBoolean(System.getenv("OMS_DUPLICATE_DELIVERY"));

    private final Subscription subscription;
    private final Transactions transactions;
    private final KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running;
    private Thread thread;

    public MessageConsumer(Subscription subscription, Transactions transactions, String bootstrap) {
        this.subscription = subscription;
        this.transactions = transactions;
        this.consumer = KafkaClients.consumer(bootstrap, subscription.name());
    }

    public void start() {
        running = true;
        thread = new Thread(this::loop, subscription.name() + "-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            consumer.subscribe(subscription.topics());
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<String, byte[]> record : records) {
                    apply(record);
                    if (DUPLICATE_DELIVERY) {
                        apply(record);
                    }
                }
                if (!records.isEmpty()) {
                    CrashPoints.reached(CrashPoints.CONSUMER_BEFORE_OFFSET_COMMIT);
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            log.error("{} consumer stopped: {}", subscription.name(), e.toString(), e);
        } finally {
            consumer.close();
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        Envelope envelope;
        try {
            envelope = Envelope.fromHeaders(name -> headerValue(record, name));
        } catch (MalformedMessageException e) {
            park(record, null, e);
            return;
        }
        if (!subscription.handles(envelope.type())) {
            return;
        }
        IncomingMessage message;
        try {
            Message payload = MessageTypes.parse(envelope.type(), record.value());
            message = new IncomingMessage(envelope, payload, record.topic(), record.partition(), record.offset());
        } catch (MalformedMessageException e) {
            park(record, envelope, e);
            return;
        }
        try (Scope handling = Tracing.handling(transactions.service(), subscription.name(), message)) {
            applyWithRetries(record, message);
        }
    }

    private void applyWithRetries(ConsumerRecord<String, byte[]> record, IncomingMessage message) {
        long start = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                boolean applied = transactions.inTransaction(message.envelope(), tx -> {
                    if (!Inbox.firstDelivery(tx.connection(), subscription.name(), message.envelope().messageId())) {
                        return false;
                    }
                    subscription.handler().handle(message, tx);
                    return true;
                });
                MessagingMetrics.handled(subscription.name(), message.type(), applied ? "applied" : "duplicate",
                        Duration.ofNanos(System.nanoTime() - start));
                return;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !running) {
                    if (running) {
                        park(record, message.envelope(), e);
                    }
                    return;
                }
                log.warn("{} failed on {} (attempt {}), retrying: {}", subscription.name(), message.type(), attempt, e.toString());
                backOff(attempt);
            }
        }
    }

    private void park(ConsumerRecord<String, byte[]> record, Envelope envelope, Exception error) {
        UUID messageId = envelope != null ? envelope.messageId() : UUID.nameUUIDFromBytes(
                (record.topic() + "/" + record.partition() + "/" + record.offset()).getBytes(StandardCharsets.UTF_8));
        log.error("{} parked message {} ({}) in dead_letter: {}", subscription.name(), messageId,
                envelope == null ? "no envelope" : envelope.type(), error.toString());
        MessagingMetrics.parked(subscription.name(), error instanceof MalformedMessageException ? "unreadable" : "failing");
        transactions.inTransaction(tx -> {
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
                insert.executeUpdate();
            }
            return null;
        });
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
        try {
            Thread.sleep(50L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
