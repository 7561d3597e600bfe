package dev.oms.webhooks.adapters;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.oms.messaging.IncomingMessage;

/**
 * The body receivers get: {@code {"type": ..., "timestamp": <occurredAt, ISO-8601>, "data": <the event as JSON>}},
 * the event in Protobuf's JSON mapping with its proto field names (as the audit log keeps it).
 */
public final class EventPayloads {
    private static final JsonFormat.Printer JSON = JsonFormat.printer().preservingProtoFieldNames()
            .omittingInsignificantWhitespace();

    private EventPayloads() {}

    public static String of(IncomingMessage message) {
        try {
            return "{\"type\":\"" + message.type() + "\",\"timestamp\":\"" + message.envelope().occurredAt()
                    + "\",\"data\":" + JSON.print(message.payload()) + "}";
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("cannot write " + message.type() + " as JSON", e);
        }
    }
}
