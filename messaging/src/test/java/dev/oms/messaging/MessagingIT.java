package dev.oms.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.oms.contracts.Channels;
import dev.oms.contracts.Envelope;
import dev.oms.contracts.MessageTypes;
import dev.oms.contracts.cart.v1.CheckoutCompleted;
import dev.oms.contracts.platform.v1.MessageDeadLettered;
import io.micrometer.core.instrument.Metrics;
import dev.oms.contracts.cart.v1.ProductListed;
import dev.oms.infra.SharedTestInfra;
import dev.oms.infra.Topics;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox, relay and inbox against a real PostgreSQL and a real Kafka broker. */
class MessagingIT {
    private static final String PRODUCT_LISTED = "oms.cart.v1.ProductListed";
    private static DataSource dataSource;
    private static String kafka;

    private final List<String> applied = new CopyOnWriteArrayList<>();
    private ServiceRuntime runtime;
    private String topic;

    @BeforeAll
    static void infrastructure() {
        Metrics.addRegistry(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        dataSource = SharedTestInfra.freshDatabase("messaging").dataSource("messaging-test", "svc", 6);
        kafka = SharedTestInfra.kafkaBootstrap();
    }

    @BeforeEach
    void service() {
        topic = "test." + UUID.randomUUID();
        Topics.ensure(kafka, 2, List.of(topic, Channels.DEAD_LETTER));
        runtime = new ServiceRuntime("svc", dataSource, kafka, Clock.systemUTC());
        runtime.produces(ProductListed.getDefaultInstance());
        runtime.migrate();
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    @Test
    void relaysTheOutboxToKafkaInOrderAndTheConsumerAppliesEachMessage() {
        subscribe((message, tx) -> applied.add(message.payloadAs(ProductListed.class).getSku()));
        runtime.start();

        emitThreeListingsInOneTransaction();

        await().atMost(Duration.ofSeconds(20)).until(() -> applied.size() == 3);
        assertThat(applied).containsExactly("SKU-1", "SKU-2", "SKU-3");
        await().atMost(Duration.ofSeconds(5)).until(() -> count("SELECT count(*) FROM outbox") == 0);
    }

    /**
     * A region promoted after losing its broker: what its relays had published was kept (OMS_OUTBOX_RETENTION) and is
     * published again on the first start (OMS_PROMOTED). A consumer that had not applied the messages gets each once
     * and in order; one that had skips them all.
     */
    @Test
    void keptMessagesArePublishedAgainAfterAPromotionAndEachConsumerAppliesThemOnce() {
        runtime.keepRelayedMessages(Duration.ofMinutes(1), false);
        subscribe((message, tx) -> applied.add(message.payloadAs(ProductListed.class).getSku()));
        runtime.start();
        emitThreeListingsInOneTransaction();
        await().atMost(Duration.ofSeconds(20)).until(() -> applied.size() == 3);
        String kept = "SELECT count(*) FROM outbox_relayed WHERE topic = '" + topic + "'";
        await().atMost(Duration.ofSeconds(5)).until(() -> count(kept) == 3);
        assertThat(count("SELECT count(*) FROM outbox WHERE topic = '" + topic + "'")).isZero();
        runtime.close();

        List<String> late = new CopyOnWriteArrayList<>();
        runtime = new ServiceRuntime("svc", dataSource, kafka, Clock.systemUTC());
        runtime.produces(ProductListed.getDefaultInstance());
        runtime.keepRelayedMessages(Duration.ofMinutes(1), true);
        subscribe((message, tx) -> applied.add(message.payloadAs(ProductListed.class).getSku()));
        runtime.subscribe(Subscription.of("late-" + topic, List.of(topic), Set.of(PRODUCT_LISTED),
                (message, tx) -> late.add(message.payloadAs(ProductListed.class).getSku())));
        runtime.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> recordsIn(topic) == 6);
        await().atMost(Duration.ofSeconds(20)).until(() -> late.size() == 3);
        assertThat(late).containsExactly("SKU-1", "SKU-2", "SKU-3");
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> applied.size() == 3);
        assertThat(count(kept)).as("published again and kept again").isEqualTo(3);
    }

    @Test
    void keptMessagesAreDroppedOnceOlderThanTheRetention() {
        runtime.keepRelayedMessages(Duration.ofSeconds(1), false);
        runtime.start();
        emitThreeListingsInOneTransaction();
        String kept = "SELECT count(*) FROM outbox_relayed WHERE topic = '" + topic + "'";
        await().atMost(Duration.ofSeconds(5)).until(() -> count(kept) == 3);

        await().atMost(Duration.ofSeconds(10)).until(() -> count(kept) == 0);
    }

    @Test
    void aRolledBackTransactionEmitsNothing() {
        assertThatThrownBy(() -> runtime.transactions().inTransaction(tx -> {
            tx.emit(topic, "order-1", listed("SKU-1"));
            throw new IllegalStateException("business rule broken");
        })).hasMessage("business rule broken");

        assertThat(count("SELECT count(*) FROM outbox")).isZero();
    }

    @Test
    void aRedeliveredMessageIsAppliedOnce() throws Exception {
        subscribe((message, tx) -> applied.add(message.envelope().messageId().toString()));
        runtime.start();
        Envelope envelope = envelope(PRODUCT_LISTED);

        try (KafkaProducer<String, byte[]> producer = KafkaClients.producer(kafka, "dup-test")) {
            producer.send(record(envelope, listed("SKU-1").toByteArray())).get();
            producer.send(record(envelope, listed("SKU-1").toByteArray())).get();
            producer.send(record(envelope(PRODUCT_LISTED), listed("SKU-2").toByteArray())).get();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> applied.size() >= 2);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> applied.size() == 2);
        assertThat(applied).containsOnlyOnce(envelope.messageId().toString());
    }

    @Test
    void aPollAppliesEachNewMessageOnceInOrderAndSkipsWhatTheInboxAlreadyHolds() throws Exception {
        subscribe((message, tx) -> applied.add(message.payloadAs(ProductListed.class).getSku()));
        Envelope seenBefore = envelope(PRODUCT_LISTED);
        execute("INSERT INTO inbox (consumer, message_id) VALUES ('svc-" + topic + "', '" + seenBefore.messageId() + "')");
        Envelope first = envelope(PRODUCT_LISTED);
        Envelope second = envelope(PRODUCT_LISTED);
        try (KafkaProducer<String, byte[]> producer = KafkaClients.producer(kafka, "poll-test")) {
            // all on one key, sent before the consumer starts: they arrive in one poll, applied in one transaction
            producer.send(record(first, listed("SKU-1").toByteArray())).get();
            producer.send(record(seenBefore, listed("SKU-0").toByteArray())).get();
            producer.send(record(first, listed("SKU-1").toByteArray())).get();
            producer.send(record(second, listed("SKU-2").toByteArray())).get();
        }
        runtime.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> applied.size() >= 2);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> applied.size() == 2);
        assertThat(applied).containsExactly("SKU-1", "SKU-2");
        // offsets are committed without waiting, and at once when the consumer has nothing more to read
        try (var admin = org.apache.kafka.clients.admin.Admin.create(
                java.util.Map.of("bootstrap.servers", kafka))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> admin.listConsumerGroupOffsets("svc-" + topic)
                    .partitionsToOffsetAndMetadata().get().values().stream().mapToLong(o -> o.offset()).sum() == 4);
        }
    }

    @Test
    void aPoisonMessageIsParkedAndThePartitionKeepsFlowing() throws Exception {
        subscribe((message, tx) -> {
            String sku = message.payloadAs(ProductListed.class).getSku();
            if (sku.equals("POISON")) {
                throw new IllegalArgumentException("cannot apply " + sku);
            }
            applied.add(sku);
        });
        runtime.start();

        try (KafkaProducer<String, byte[]> producer = KafkaClients.producer(kafka, "poison-test")) {
            producer.send(record(envelope(PRODUCT_LISTED), listed("POISON").toByteArray())).get();
            producer.send(record(envelope(PRODUCT_LISTED), new byte[] {(byte) 0xff, 0x01})).get();
            producer.send(record(envelope(PRODUCT_LISTED), listed("AFTER").toByteArray())).get();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> applied.contains("AFTER"));
        List<MessageDeadLettered> announced = deadLettersOf("svc-" + topic, 2);
        assertThat(announced).extracting(MessageDeadLettered::getReason).containsExactlyInAnyOrder("failing", "unreadable");
        assertThat(announced).allSatisfy(parked -> assertThat(parked.getOriginalTopic()).isEqualTo(topic));
        assertThat(announced).filteredOn(parked -> parked.getReason().equals("unreadable")).singleElement()
                .satisfies(parked -> assertThat(parked.getOriginalPayload().toByteArray()).containsExactly(0xff, 0x01));
        assertThat(Metrics.globalRegistry.find("oms.messages.dead.lettered").tag("consumer", "svc-" + topic)
                .counters()).extracting(c -> c.count()).containsExactlyInAnyOrder(1.0, 1.0);
        assertThat(count("SELECT count(*) FROM dead_letter WHERE consumer = 'svc-" + topic + "'")).isEqualTo(2);
        assertThat(applied).containsExactly("AFTER");
    }

    @Test
    void aPoisonMessageInABatchFailsAloneAndTheOthersApplyOnceInOrder() throws Exception {
        subscribe((message, tx) -> {
            String sku = message.payloadAs(ProductListed.class).getSku();
            if (sku.equals("POISON")) {
                throw new IllegalArgumentException("cannot apply " + sku);
            }
            tx.afterCommit(() -> applied.add(sku));
        });
        try (KafkaProducer<String, byte[]> producer = KafkaClients.producer(kafka, "batch-test")) {
            for (int i = 1; i <= 20; i++) {
                producer.send(record(envelope(PRODUCT_LISTED), listed(i == 10 ? "POISON" : "SKU-" + i).toByteArray()));
            }
            producer.flush();
        }
        runtime.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> applied.size() >= 19);
        assertThat(applied).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 20).filter(i -> i != 10).mapToObj(i -> "SKU-" + i).toList());
        assertThat(count("SELECT count(*) FROM inbox WHERE consumer = 'svc-" + topic + "'")).isEqualTo(19);
        assertThat(count("SELECT count(*) FROM dead_letter WHERE consumer = 'svc-" + topic + "'")).isEqualTo(1);
    }

    @Test
    void aServiceCannotEmitATypeItDidNotRegisterAndRegistersWhatItDeclared() {
        subscribe((message, tx) -> { });
        runtime.start();

        assertThatThrownBy(() -> runtime.transactions().inTransaction(tx -> {
            tx.emit(topic, "order-1", CheckoutCompleted.newBuilder().setOrderId("order-1").build());
            return null;
        })).isInstanceOf(UnregisteredMessageTypeException.class)
                .hasMessageContaining("svc may not emit oms.cart.v1.CheckoutCompleted");
        assertThat(count("SELECT count(*) FROM outbox")).isZero();
        assertThat(count("SELECT count(*) FROM message_registry WHERE role = 'produces' AND type = '" + PRODUCT_LISTED
                + "' AND fingerprint = '" + MessageTypes.fingerprintOf(PRODUCT_LISTED) + "'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM message_registry WHERE role = 'consumes' AND party = 'svc-" + topic
                + "' AND type = '" + PRODUCT_LISTED + "'")).isEqualTo(1);
    }

    @Test
    void aConsumerWhoseRunFailsStartsAgainFromItsCommittedOffsets() throws Exception {
        subscribe((message, tx) -> {
            String sku = message.payloadAs(ProductListed.class).getSku();
            if (sku.equals("POISON")) {
                throw new IllegalArgumentException("cannot apply " + sku);
            }
            tx.afterCommit(() -> applied.add(sku));
        });
        execute("ALTER TABLE dead_letter RENAME TO dead_letter_away"); // parking the poison message fails the run
        runtime.start();
        try (KafkaProducer<String, byte[]> producer = KafkaClients.producer(kafka, "restart-test")) {
            producer.send(record(envelope(PRODUCT_LISTED), listed("POISON").toByteArray())).get();
            producer.send(record(envelope(PRODUCT_LISTED), listed("AFTER").toByteArray())).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> restarts("svc-" + topic) >= 1);
        execute("ALTER TABLE dead_letter_away RENAME TO dead_letter");

        await().atMost(Duration.ofSeconds(30)).until(() -> applied.contains("AFTER"));
        assertThat(applied).containsExactly("AFTER");
        assertThat(count("SELECT count(*) FROM dead_letter WHERE consumer = 'svc-" + topic + "'")).isEqualTo(1);
    }

    private static double restarts(String consumer) {
        return Metrics.globalRegistry.find("oms.consumer.restarts").tag("consumer", consumer).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private static void execute(String sql) {
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute(sql);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The dead-letter topic's announcements for one consumer, waiting until {@code expected} arrived. */
    private static List<MessageDeadLettered> deadLettersOf(String consumer, int expected) {
        List<MessageDeadLettered> found = new java.util.ArrayList<>();
        try (var reader = KafkaClients.consumer(kafka, "dlq-reader-" + UUID.randomUUID())) {
            reader.subscribe(List.of(Channels.DEAD_LETTER));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (var record : reader.poll(Duration.ofMillis(200))) {
                    MessageDeadLettered parked = (MessageDeadLettered) MessageTypes.parse(
                            MessageTypes.typeOf(MessageDeadLettered.getDefaultInstance()), record.value());
                    if (parked.getConsumer().equals(consumer)) {
                        found.add(parked);
                    }
                }
                return found.size() >= expected;
            });
        }
        return found;
    }

    private void emitThreeListingsInOneTransaction() {
        runtime.transactions().inTransaction(tx -> {
            for (int i = 1; i <= 3; i++) {
                tx.emit(topic, "order-1", listed("SKU-" + i));
            }
            return null;
        });
    }

    private void subscribe(MessageHandler handler) {
        runtime.subscribe(Subscription.of("svc-" + topic, List.of(topic), Set.of(PRODUCT_LISTED), handler));
    }

    private static ProductListed listed(String sku) {
        return ProductListed.newBuilder().setSku(sku).setName(sku).build();
    }

    private static Envelope envelope(String type) {
        return new Envelope(UUID.randomUUID(), type, 1, "order-1", null, null, Instant.now(), null, "test");
    }

    private ProducerRecord<String, byte[]> record(Envelope envelope, byte[] payload) {
        RecordHeaders headers = new RecordHeaders();
        envelope.toHeaders().forEach(headers::add);
        return new ProducerRecord<>(topic, null, envelope.correlationId(), payload, headers);
    }

    private static long recordsIn(String topic) {
        try (var reader = KafkaClients.consumer(kafka, "count-" + UUID.randomUUID())) {
            List<org.apache.kafka.common.TopicPartition> partitions = reader.partitionsFor(topic).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            return reader.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static long count(String sql) {
        try (var c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
