package dev.oms.messaging.testing;

import com.google.protobuf.Message;
import dev.oms.contracts.Channels;
import dev.oms.contracts.Envelope;
import dev.oms.contracts.MessageTypes;
import dev.oms.messaging.IncomingMessage;
import java.time.Instant;
import java.util.UUID;

/**
 * Builds incoming messages as they would arrive from Kafka, for tests that call a handler directly: serialized and
 * read back, so an older schema version reaches the handler upcast, as it would from the bus.
 */
public final class Stimulus {
    private Stimulus() {}

    public static IncomingMessage message(String correlationId, String sagaId, Message payload) {
        String type = MessageTypes.typeOf(payload);
        Envelope envelope = new Envelope(UUID.randomUUID(), type, MessageTypes.schemaVersionOf(type), correlationId,
                null, sagaId, Instant.now(), null, "test");
        return IncomingMessage.read(envelope, payload.toByteArray(), Channels.EVENTS, 0, 0);
    }
}
