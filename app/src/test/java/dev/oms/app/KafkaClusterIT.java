package dev.oms.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.oms.infra.Ports;
import dev.oms.infra.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A local Kafka cluster of three nodes, each `oms kafka-node` in a process of its own, with topics laid out as oms
 * lays them out on a cluster (3 replicas, min.insync.replicas 2): a node killed with kill -9 loses no acknowledged
 * record, and producing with acks=all goes on while it is down.
 */
class KafkaClusterIT {
    private static final String TOPIC = "oms.cluster-test";
    private final List<OmsProcess> nodes = new ArrayList<>();
    private Path dir;

    @AfterEach
    void stopNodes() {
        nodes.forEach(OmsProcess::close);
    }

    @Test
    void aKilledNodeLosesNoAcknowledgedRecordAndProducingGoesOn() throws Exception {
        dir = Files.createTempDirectory("oms-kafka-cluster-");
        int base = Ports.freeRange(3, 100);
        for (int id = 1; id <= 3; id++) {
            nodes.add(startNode(id, base));
        }
        String bootstrap = "127.0.0.1:" + base + ",127.0.0.1:" + (base + 1) + ",127.0.0.1:" + (base + 2);
        for (int id = 1; id <= 3; id++) {
            nodes.get(id - 1).awaitLog("Kafka node " + id + " ready", Duration.ofSeconds(90));
        }
        Topics.ensure(bootstrap, new Topics.Layout(4, 3, 2), List.of(TOPIC));

        try (KafkaProducer<String, String> producer = producer(bootstrap)) {
            send(producer, 0, 100);
            nodes.get(0).kill();
            send(producer, 100, 200);
        }

        Set<String> read = readAll(bootstrap, 200);
        assertThat(read).hasSize(200);
        System.out.println("kafka cluster: 3 nodes, node 1 killed after 100 of 200 records (acks=all, min.insync 2): "
                + read.size() + " read back");
    }

    private OmsProcess startNode(int id, int base) {
        return OmsProcess.start("kafka-cluster-node-" + id, Map.of(), "kafka-node", "--node-id", String.valueOf(id),
                "--nodes", "3", "--base-port", String.valueOf(base), "--data-dir", dir.toString());
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000),
                new StringSerializer(), new StringSerializer());
    }

    private static void send(KafkaProducer<String, String> producer, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            producer.send(new ProducerRecord<>(TOPIC, "order-" + (i % 17), "record-" + i)).get(60, TimeUnit.SECONDS);
        }
    }

    private static Set<String> readAll(String bootstrap, int expected) {
        Set<String> read = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "cluster-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> read.add(r.value()));
                return read.size() >= expected;
            });
        }
        return read;
    }
}
