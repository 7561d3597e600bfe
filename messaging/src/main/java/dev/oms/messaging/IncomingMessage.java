package dev.oms.messaging;

import com.google.protobuf.Message;
import dev.oms.contracts.Envelope;
import dev.oms.contracts.MalformedMessageException;
import dev.oms.contracts.MessageTypes;
import dev.oms.contracts.Upcasters;

/**
 * A message read from Kafka (or from the audit log, on replay), its envelope and its parsed payload, always in the
 * current version of its type: an older version is upcast on the way in, and the envelope names the current type.
 */
public record IncomingMessage(Envelope envelope, Message payload, String topic, int partition, long offset) {

    /** Parses and upcasts a payload; unknown types and unreadable bytes are a {@link MalformedMessageException}. */
    public static IncomingMessage read(Envelope envelope, byte[] payload, String topic, int partition, long offset) {
        Upcasters.Current current = Upcasters.toCurrent(envelope.type(), MessageTypes.parse(envelope.type(), payload));
        return new IncomingMessage(envelope.upcastTo(current.type()), current.payload(), topic, partition, offset);
    }

    public String type() {
        return envelope.type();
    }

    @SuppressWarnings("unchecked")
    public <T extends Message> T payloadAs(Class<T> type) {
        return (T) payload;
    }
}
