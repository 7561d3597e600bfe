package dev.oms.audit;

import dev.oms.contracts.Envelope;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One message as the audit log keeps it: its envelope, where it was read on the bus, and its payload as sent.
 *
 * @param payloadJson the payload rendered as JSON, or null for a type this build does not know
 */
public record AuditEntry(Envelope envelope, String topic, int partition, long offset, byte[] payload,
                         String payloadJson) {
    private static final Pattern TRACEPARENT = Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$");

    /** The W3C trace id inside the traceparent, or null when there is none. */
    public String traceId() {
        String traceparent = envelope.traceparent();
        if (traceparent == null) {
            return null;
        }
        Matcher m = TRACEPARENT.matcher(traceparent.trim());
        return m.matches() ? m.group(1) : null;
    }
}
