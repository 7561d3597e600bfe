package dev.oms.contracts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * The metadata every message carries beside its Protobuf payload (as Kafka headers on the bus).
 *
 * @param correlationId the order id for order messages; the key that keeps one order's messages in order
 * @param causationId the message id of the message that caused this one, or null for a first message
 * @param sagaId the saga this message belongs to, or null
 */
public record Envelope(
        UUID messageId,
        String type,
        int schemaVersion,
        String correlationId,
        UUID causationId,
        String sagaId,
        Instant occurredAt,
        String traceparent,
        String producer) {

    public static final String MESSAGE_ID = "message_id";
    public static final String TYPE = "type";
    public static final String SCHEMA_VERSION = "schema_version";
    public static final String CORRELATION_ID = "correlation_id";
    public static final String CAUSATION_ID = "causation_id";
    public static final String SAGA_ID = "saga_id";
    public static final String OCCURRED_AT = "occurred_at";
    public static final String TRACEPARENT = "traceparent";
    public static final String PRODUCER = "producer";

    public Envelope {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(producer, "producer");
    }

    /** The same message's envelope as seen once its payload was upcast to {@code currentType}. */
    public Envelope upcastTo(String currentType) {
        return currentType.equals(type) ? this : new Envelope(messageId, currentType,
                MessageTypes.schemaVersionOf(currentType), correlationId, causationId, sagaId, occurredAt, traceparent, producer);
    }

    /** The envelope as header name to UTF-8 bytes; absent optional fields are left out. */
    public Map<String, byte[]> toHeaders() {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        put(headers, MESSAGE_ID, messageId);
        put(headers, TYPE, type);
        put(headers, SCHEMA_VERSION, schemaVersion);
        put(headers, CORRELATION_ID, correlationId);
        put(headers, CAUSATION_ID, causationId);
        put(headers, SAGA_ID, sagaId);
        put(headers, OCCURRED_AT, occurredAt);
        put(headers, TRACEPARENT, traceparent);
        put(headers, PRODUCER, producer);
        return headers;
    }

    /** Reads an envelope back from headers; a missing required header is a {@link MalformedMessageException}. */
    public static Envelope fromHeaders(Function<String, byte[]> header) {
        try {
            return new Envelope(
                    UUID.fromString(required(header, MESSAGE_ID)),
                    required(header, TYPE),
                    Integer.parseInt(required(header, SCHEMA_VERSION)),
                    required(header, CORRELATION_ID),
                    optional(header, CAUSATION_ID) == null ? null : UUID.fromString(optional(header, CAUSATION_ID)),
                    optional(header, SAGA_ID),
                    Instant.parse(required(header, OCCURRED_AT)),
                    optional(header, TRACEPARENT),
                    required(header, PRODUCER));
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new MalformedMessageException("bad envelope header: " + e.getMessage(), e);
        }
    }

    private static void put(Map<String, byte[]> headers, String name, Object value) {
        if (value != null) {
            headers.put(name, value.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String required(Function<String, byte[]> header, String name) {
        String value = optional(header, name);
        if (value == null) {
            throw new MalformedMessageException("missing envelope header " + name, null);
        }
        return value;
    }

    private static String optional(Function<String, byte[]> header, String name) {
        byte[] bytes = header.apply(name);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
