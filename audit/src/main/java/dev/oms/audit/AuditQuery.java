package dev.oms.audit;

import java.time.Instant;
import java.util.Set;

/**
 * Which messages to read back: all filters optional (null or empty: no filter); the time range is on occurred_at,
 * from inclusive, to exclusive; {@code seqAbove} and {@code recordedSince} select what was appended after a read.
 * Messages come in the order the bus delivered them (the log's append order, which per order is its partition's
 * order, the order every consumer applied them in), or with {@code byOrder} grouped by order (correlation id).
 */
public record AuditQuery(Set<String> types, String topic, Instant from, Instant to, Long seqAbove,
                         Instant recordedSince, boolean byOrder) {

    public static AuditQuery all() {
        return new AuditQuery(Set.of(), null, null, null, null, null, false);
    }

    public AuditQuery ofTypes(Set<String> only) {
        return new AuditQuery(Set.copyOf(only), topic, from, to, seqAbove, recordedSince, byOrder);
    }

    public AuditQuery onTopic(String only) {
        return new AuditQuery(types, only, from, to, seqAbove, recordedSince, byOrder);
    }

    public AuditQuery between(Instant start, Instant end) {
        return new AuditQuery(types, topic, start, end, seqAbove, recordedSince, byOrder);
    }

    /** What was appended since a read that saw up to {@code seq} and started at {@code at}. */
    public AuditQuery appendedAfter(long seq, Instant at) {
        return new AuditQuery(types, topic, from, to, seq, at, byOrder);
    }

    /** Grouped by order: what a rebuild that folds one order at a time reads. */
    public AuditQuery groupedByOrder() {
        return new AuditQuery(types, topic, from, to, seqAbove, recordedSince, true);
    }
}
