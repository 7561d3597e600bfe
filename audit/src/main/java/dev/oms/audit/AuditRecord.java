package dev.oms.audit;

import dev.oms.contracts.Envelope;

/** A message read back from the audit log, with its insertion sequence (the tiebreak after occurred_at). */
public record AuditRecord(long seq, Envelope envelope, String topic, byte[] payload) {}
