package dev.oms.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.oms.contracts.Channels;
import dev.oms.contracts.Envelope;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * One trace per order (issue 6): the checkout request opens it in the BFF, and every message of the order's saga,
 * whichever service emitted it, carries a W3C traceparent of that trace; the spans, kept in memory by {@link TestTraces},
 * form one tree across services. (Work no message caused, such as the fulfillment job moving a shipment on, starts a
 * trace of its own.)
 */
class OrderTraceE2EIT {
    private static final AttributeKey<String> SERVICE = AttributeKey.stringKey("oms.service");

    @Test
    void everyMessageOfOneOrderCarriesTheSameTraceIdAcrossServices() {
        Shop shop = TestPlatform.shop();
        await().atMost(Duration.ofSeconds(30)).until(() -> shop.available("SKU-0001") > 0);
        String orderId = shop.placeOrder("SKU-0001", 1, "sandbox_ok");
        shop.awaitStatus(orderId, "DELIVERED");

        List<Envelope> messages = messagesOf(orderId).stream()
                .filter(m -> m.sagaId() != null || "oms.cart.v1.CheckoutCompleted".equals(m.type())).toList();

        assertThat(messages).extracting(Envelope::producer).contains("order", "inventory", "payment", "fulfillment",
                "notification");
        assertThat(messages).allSatisfy(m -> assertThat(m.traceparent()).matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-01$"));
        Set<String> traceIds = messages.stream().map(m -> m.traceparent().substring(3, 35)).collect(Collectors.toSet());
        assertThat(traceIds).as("trace ids of order %s", orderId).hasSize(1);
        assertThat(messages.stream().map(m -> m.traceparent().substring(36, 52)).distinct().count())
                .as("one span per handling, more than one handling").isGreaterThan(4);
    }

    @Test
    void oneOrdersTraceHoldsSpansOfEveryServiceUnderOneRootWithEveryParentInIt() {
        Shop shop = TestPlatform.shop();
        await().atMost(Duration.ofSeconds(30)).until(() -> shop.available("SKU-0001") > 0);
        String orderId = shop.placeOrder("SKU-0001", 1, "sandbox_ok");
        shop.awaitSagaEnd(orderId);
        String traceId = messagesOf(orderId).stream().filter(m -> "oms.cart.v1.CheckoutCompleted".equals(m.type()))
                .findFirst().orElseThrow().traceparent().substring(3, 35);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<SpanData> spans = TestTraces.ofTrace(traceId);
            assertThat(spans).extracting(span -> span.getAttributes().get(SERVICE)).contains("bff", "cart", "order",
                    "inventory", "payment", "fulfillment", "notification");
            assertThat(spans).extracting(SpanData::getName).contains("PlaceOrder reserve_stock",
                    "PlaceOrder authorize_payment", "PlaceOrder confirm_order", "PlaceOrder create_shipment",
                    "PlaceOrder capture_payment", "PlaceOrder commit_stock", "PlaceOrder notify_customer",
                    "inventory handle ReserveStock", "payment handle AuthorizePayment",
                    "fulfillment handle CreateShipment", "notification handle SendNotification");
        });

        List<SpanData> spans = TestTraces.ofTrace(traceId);
        Map<String, SpanData> byId = spans.stream().collect(Collectors.toMap(SpanData::getSpanId, span -> span));
        assertThat(spans).filteredOn(span -> !span.getParentSpanContext().isValid()).singleElement()
                .satisfies(root -> assertThat(root.getName()).isEqualTo("checkoutComplete"));
        assertThat(spans).filteredOn(span -> span.getParentSpanContext().isValid())
                .allSatisfy(span -> assertThat(byId).as("parent of %s", span.getName()).containsKey(span.getParentSpanId()));
        SpanData reserve = named(spans, "inventory handle ReserveStock");
        SpanData sent = byId.get(reserve.getParentSpanId());
        assertThat(sent.getName()).isEqualTo("order send ReserveStock");
        assertThat(sent.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(byId.get(sent.getParentSpanId()).getName()).isEqualTo("PlaceOrder reserve_stock");
    }

    private static SpanData named(List<SpanData> spans, String name) {
        return spans.stream().filter(span -> span.getName().equals(name)).findFirst().orElseThrow();
    }

    /** Every message on the platform's topics whose correlation id is the order's, read from the start. */
    private static List<Envelope> messagesOf(String orderId) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestPlatform.shared().kafkaBootstrap(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<Envelope> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = Channels.ALL.stream().flatMap(topic -> consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Envelope envelope = Envelope.fromHeaders(name -> {
                        Header header = record.headers().lastHeader(name);
                        return header == null ? null : header.value();
                    });
                    if (orderId.equals(envelope.correlationId())) {
                        found.add(envelope);
                    }
                }
            }
        }
        return found;
    }
}
