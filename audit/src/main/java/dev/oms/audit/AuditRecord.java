package dev.oms.audit;

import dev.oms.contracts.Envelope;
import java.time.Instant;

/**
 * A message read back from the audit log, with its insertion sequence (the tiebreak after occurred_at) and when the
 * transaction that appended it began.
 */
public record AuditRecord(long seq, Envelope envelope, String topic, byte[] payload, Instant recordedAt) {}
