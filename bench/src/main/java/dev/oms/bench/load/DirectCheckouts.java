package dev.oms.bench.load;

import dev.oms.contracts.Channels;
import dev.oms.contracts.Envelope;
import dev.oms.contracts.MessageTypes;
import dev.oms.contracts.cart.v1.CheckoutCompleted;
import dev.oms.contracts.common.v1.Address;
import dev.oms.contracts.common.v1.Money;
import dev.oms.contracts.common.v1.OrderLine;
import dev.oms.messaging.KafkaClients;
import dev.oms.messaging.OutgoingMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Starts PlaceOrder sagas without the BFF and the cart: publishes the CheckoutCompleted event the order service
 * starts them from, as the cart's outbox relay would (enveloped in headers, keyed by order id, on the event topic,
 * through an idempotent acks=all producer). The checkout counts as placed once the broker has it.
 */
public final class DirectCheckouts implements Checkouts {
    public static final String PRODUCER = "bench";
    private static final String TYPE = MessageTypes.typeOf(CheckoutCompleted.getDefaultInstance());
    private static final Address SHIP_TO = Address.newBuilder().setName("Ada Bench").setLine1("1 Main St")
            .setCity("Berlin").setPostalCode("10115").setCountry("DE").build();

    private final Producer<String, byte[]> producer;
    private final Clock clock;

    public DirectCheckouts(String kafkaBootstrap, Clock clock) {
        this.producer = KafkaClients.producer(kafkaBootstrap, "oms-bench");
        this.clock = clock;
    }

    @Override
    public CompletableFuture<Placed> place(PlannedOrder order) {
        String orderId = UUID.randomUUID().toString();
        Instant at = clock.instant();
        Envelope envelope = new Envelope(UUID.randomUUID(), TYPE, MessageTypes.schemaVersionOf(TYPE), orderId, null, null,
                at, rootTraceparent(), PRODUCER);
        OutgoingMessage message = OutgoingMessage.of(Channels.EVENTS, envelope, checkout(orderId, order));
        RecordHeaders headers = new RecordHeaders();
        envelope.toHeaders().forEach(headers::add);
        CompletableFuture<Placed> placed = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(message.topic(), null, message.key(), message.payload(), headers),
                (metadata, error) -> {
                    if (error == null) {
                        placed.complete(new Placed(orderId, at));
                    } else {
                        placed.completeExceptionally(new CheckoutFailedException(
                                "KAFKA_" + error.getClass().getSimpleName(), String.valueOf(error.getMessage())));
                    }
                });
        return placed;
    }

    /** The event the cart would publish for this order. */
    public static CheckoutCompleted checkout(String orderId, PlannedOrder order) {
        CheckoutCompleted.Builder checkout = CheckoutCompleted.newBuilder()
                .setOrderId(orderId)
                .setCartId(UUID.randomUUID().toString())
                .setCustomerId(order.customerId())
                .setTotal(money(order.total(), order.currency()))
                .setPaymentToken(order.paymentToken())
                .setShippingAddress(SHIP_TO)
                .setIdempotencyKey("bench-" + orderId);
        for (PlannedOrder.Line line : order.lines()) {
            checkout.addLines(OrderLine.newBuilder().setSku(line.sku()).setQuantity(line.quantity())
                    .setUnitPrice(money(line.unitPrice(), line.currency())));
        }
        return checkout.build();
    }

    /** Each checkout starts its own trace, as a checkout through the cart does. */
    private static String rootTraceparent() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        HexFormat hex = HexFormat.of();
        return "00-" + hex.toHexDigits(random.nextLong() | 1L) + hex.toHexDigits(random.nextLong())
                + "-" + hex.toHexDigits(random.nextLong() | 1L) + "-01";
    }

    private static Money money(long amount, String currency) {
        return Money.newBuilder().setAmount(amount).setCurrency(currency).build();
    }

    @Override
    public void close() {
        producer.close();
    }
}
