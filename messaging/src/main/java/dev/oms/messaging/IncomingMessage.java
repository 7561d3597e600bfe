package dev.oms.messaging;

import com.google.protobuf.Message;
import dev.oms.contracts.Envelope;

/** A message read from Kafka, its envelope and its parsed payload. */
public record IncomingMessage(Envelope envelope, Message payload, String topic, int partition, long offset) {

    public String type() {
        return envelope.type();
    }

    @SuppressWarnings("unchecked")
    public <T extends Message> T payloadAs(Class<T> type) {
        return (T) payload;
    }
}
