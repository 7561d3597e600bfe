package dev.oms.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.Message;
import com.zaxxer.hikari.HikariDataSource;
import dev.oms.contracts.Channels;
import dev.oms.contracts.Envelope;
import dev.oms.contracts.MessageTypes;
import dev.oms.contracts.inventory.v1.ReserveStock;
import dev.oms.contracts.order.v1.OrderStatusChanged;
import dev.oms.infra.DbConfig;
import dev.oms.infra.SharedTestInfra;
import dev.oms.infra.Topics;
import dev.oms.messaging.KafkaClients;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuditLogIT {
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static HikariDataSource owner;
    private static HikariDataSource writer;
    private static AuditService service;
    private static KafkaProducer<String, byte[]> producer;
    /** Each message sent names the one before as its cause, as a saga's chain does. */
    private static UUID lastCause;

    @BeforeAll
    static void start() {
        DbConfig db = SharedTestInfra.freshDatabase("audit");
        String kafka = SharedTestInfra.kafkaBootstrap();
        Topics.ensure(kafka, 3, Channels.ALL);
        owner = db.dataSource("audit-owner", AuditLog.SCHEMA, 2);
        AuditLog.migrate(owner, Instant.now());
        writer = new DbConfig(db.jdbcUrl(), AuditLog.WRITER_ROLE, "").dataSource("audit-writer", null, 2);
        service = AuditService.start(owner, writer, kafka, Clock.systemUTC());
        producer = KafkaClients.producer(kafka, "audit-it");
    }

    @AfterAll
    static void stop() {
        producer.close();
        service.close();
        writer.close();
        owner.close();
    }

    @Test
    void appendsCommandsAndEventsWithEnvelopeAndJsonPayload() throws Exception {
        String order = "order-" + UUID.randomUUID();
        Envelope command = send(Channels.INVENTORY_COMMANDS, order, ReserveStock.newBuilder().setOrderId(order).build());
        Envelope event = send(Channels.EVENTS, order,
                OrderStatusChanged.newBuilder().setOrderId(order).setStatus("CONFIRMED").build());

        await().atMost(Duration.ofSeconds(30)).until(() -> count("correlation_id = '" + order + "'") == 2);
        try (Connection c = owner.getConnection(); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SELECT * FROM audit.message WHERE message_id = '" + event.messageId() + "'")) {
            row.next();
            assertThat(row.getString("type")).isEqualTo("oms.order.v1.OrderStatusChanged");
            assertThat(row.getString("producer")).isEqualTo("order");
            assertThat(row.getObject("causation_id", UUID.class)).isEqualTo(command.messageId());
            assertThat(row.getString("trace_id")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(row.getString("topic")).isEqualTo(Channels.EVENTS);
            assertThat(row.getString("payload")).contains("\"status\": \"CONFIRMED\"");
        }
    }

    @Test
    void redeliveryAppendsNothing() throws Exception {
        String order = "order-" + UUID.randomUUID();
        Message payload = OrderStatusChanged.newBuilder().setOrderId(order).setStatus("PENDING").build();
        Envelope envelope = send(Channels.EVENTS, order, payload);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("correlation_id = '" + order + "'") == 1);

        send(Channels.EVENTS, envelope, payload);
        Envelope marker = send(Channels.EVENTS, order, payload);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("message_id = '" + marker.messageId() + "'") == 1);
        assertThat(count("correlation_id = '" + order + "'")).isEqualTo(2);
    }

    @Test
    void writerRoleCanAppendButNeverChangeOrDelete() throws Exception {
        try (Connection c = writer.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit.message SET type = 'x'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit.message"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.executeUpdate("TRUNCATE audit.message"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
    }

    @Test
    void partitionsByMonthAheadOfTime() throws Exception {
        String month = Instant.now().atZone(java.time.ZoneOffset.UTC).plusMonths(1).format(
                java.time.format.DateTimeFormatter.ofPattern("yyyy_MM"));
        try (Connection c = owner.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("""
                     SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                      WHERE i.inhparent = 'audit.message'::regclass""")) {
            List<String> partitions = new ArrayList<>();
            while (rows.next()) {
                partitions.add(rows.getString(1));
            }
            assertThat(partitions).contains("message_default", "message_" + month);
        }
    }

    private static Envelope send(String topic, String order, Message payload) throws Exception {
        String type = MessageTypes.typeOf(payload);
        Envelope envelope = new Envelope(UUID.randomUUID(), type, MessageTypes.schemaVersionOf(type), order,
                lastCause, "saga-1", Instant.now().truncatedTo(ChronoUnit.MICROS), TRACEPARENT,
                topic.equals(Channels.EVENTS) ? "order" : "saga");
        lastCause = envelope.messageId();
        return send(topic, envelope, payload);
    }


    private static Envelope send(String topic, Envelope envelope, Message payload) throws Exception {
        RecordHeaders headers = new RecordHeaders();
        envelope.toHeaders().forEach(headers::add);
        producer.send(new ProducerRecord<>(topic, null, envelope.correlationId(), payload.toByteArray(), headers)).get();
        return envelope;
    }

    private static long count(String where) throws SQLException {
        try (Connection c = owner.getConnection(); Statement s = c.createStatement();
             ResultSet row = s.executeQuery("SELECT count(*) FROM audit.message WHERE " + where)) {
            row.next();
            return row.getLong(1);
        }
    }
}
