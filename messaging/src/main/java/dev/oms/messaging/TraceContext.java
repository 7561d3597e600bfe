package dev.oms.messaging;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * W3C trace context (version 00) for messages: the handling of a message is a span in the trace of the message
 * that caused it, and every message it emits carries that span as its parent ({@code traceparent}), so one order's
 * messages share one trace id across services. Work caused by no message (a checkout) starts a trace.
 */
final class TraceContext {
    private static final Pattern TRACEPARENT = Pattern.compile("^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$");
    private static final String INVALID_TRACE = "0".repeat(32);
    private static final SecureRandom RANDOM = new SecureRandom();

    private TraceContext() {}

    /** A new span in the trace of {@code parent}, or the root span of a new, sampled trace when there is none. */
    static String childOf(String parent) {
        Matcher m = parent == null ? null : TRACEPARENT.matcher(parent.trim());
        if (m != null && m.matches() && !m.group(1).equals(INVALID_TRACE)) {
            return "00-" + m.group(1) + "-" + randomHex(8) + "-" + m.group(3);
        }
        return "00-" + randomHex(16) + "-" + randomHex(8) + "-01";
    }

    /** The trace id of a traceparent this class made. */
    static String traceId(String traceparent) {
        return traceparent.substring(3, 35);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        do {
            RANDOM.nextBytes(random);
        } while (allZero(random));
        return HexFormat.of().formatHex(random);
    }

    private static boolean allZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
