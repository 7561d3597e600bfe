package dev.oms.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * A message as the audit log shows it to people: its envelope, where it went, and its payload as JSON.
 *
 * @param causationId the message that caused this one, or null for a first message
 * @param payloadJson the payload rendered as JSON (Protobuf field names), or null for a type the log could not read
 */
public record AuditedMessage(UUID messageId, String type, String topic, Instant occurredAt, UUID causationId,
                             String sagaId, String producer, String payloadJson) {}
