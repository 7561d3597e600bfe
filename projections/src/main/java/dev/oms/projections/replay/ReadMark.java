package dev.oms.projections.replay;

import dev.oms.audit.AuditQuery;
import dev.oms.audit.AuditRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * How far a read of the audit log got, so that the swap applies exactly what it did not see: everything numbered
 * after the highest sequence it saw, and stragglers, appends numbered before that but committed after the read's
 * snapshot was taken. A straggler's transaction began shortly before the read, so the sequences the read saw among
 * recent appends are kept, and a recent append not among them is a straggler.
 */
final class ReadMark {
    /** How long before the read an append that commits after it may have begun. */
    private static final Duration STRAGGLERS = Duration.ofSeconds(5);

    private final Instant recentSince;
    private final Set<Long> recentSeen = new HashSet<>();
    private long lastSeq;
    private long events;

    /** For a read that starts at {@code readStart} by the database's clock. */
    ReadMark(Instant readStart) {
        this.recentSince = readStart.minus(STRAGGLERS);
    }

    void saw(AuditRecord record) {
        lastSeq = Math.max(lastSeq, record.seq());
        if (!record.recordedAt().isBefore(recentSince)) {
            recentSeen.add(record.seq());
        }
        events++;
    }

    long events() {
        return events;
    }

    long lastSeq() {
        return lastSeq;
    }

    /** What may have been appended since, {@link #unseen} or not. */
    AuditQuery since(AuditQuery query) {
        return query.appendedAfter(lastSeq, recentSince);
    }

    boolean unseen(AuditRecord record) {
        return record.seq() > lastSeq || !recentSeen.contains(record.seq());
    }
}
