package dev.oms.messaging;

import com.google.protobuf.Message;
import dev.oms.contracts.Envelope;

/** A message on its way to a topic: key (the order id, so one order stays on one partition), envelope, payload. */
public record OutgoingMessage(String topic, String key, Envelope envelope, byte[] payload) {

    public static OutgoingMessage of(String topic, Envelope envelope, Message payload) {
        return new OutgoingMessage(topic, envelope.correlationId(), envelope, payload.toByteArray());
    }
}
