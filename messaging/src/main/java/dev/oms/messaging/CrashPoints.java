package dev.oms.messaging;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failure injection for the crash test: with {@code OMS_CRASH_POINT=<name>} (and optionally
 * {@code OMS_CRASH_AFTER=<n>}, default 1) the process halts at the n-th time it reaches that point, as if
 * killed with kill -9: no shutdown hook, no clean close, in the middle of whatever it was doing.
 * Hits count only once the process has {@link #arm() armed} them (when it is ready), so that start-up work
 * does not trip them. Without the variable every call is a no-op.
 */
public final class CrashPoints {
    /** Inside a transaction, its work and outbox rows written, before COMMIT. */
    public static final String TX_BEFORE_COMMIT = "tx.before-commit";
    /** Right after a COMMIT: before the relay is woken and before a consumer commits its Kafka offsets. */
    public static final String TX_AFTER_COMMIT = "tx.after-commit";
    /** The relay got the broker's acknowledgement but has not deleted the rows it sent. */
    public static final String RELAY_AFTER_SEND = "relay.after-send";
    /** A consumer applied a whole poll batch but has not committed its offsets. */
    public static final String CONSUMER_BEFORE_OFFSET_COMMIT = "consumer.before-offset-commit";
    /** The orchestrator applied a step's reply to its saga but has not yet sent the next step's command. */
    public static final String SAGA_BETWEEN_REPLY_AND_NEXT_COMMAND = "saga.between-reply-and-next-command";
    /** A payment provider took the money (or the void) but the payment service has not committed. */
    public static final String PAYMENT_AFTER_PROVIDER_CALL = "payment.after-provider-call";
    /** Webhook receivers answered a dispatch round's posts but the attempts are not recorded. */
    public static final String WEBHOOKS_AFTER_SEND = "webhooks.after-send";

    private static final String ARMED = System.getenv("OMS_CRASH_POINT");
    private static final int AFTER = parse(System.getenv("OMS_CRASH_AFTER"));
    private static final AtomicInteger HITS = new AtomicInteger();
    private static volatile boolean armed;

    private CrashPoints() {}

    /** Starts counting hits; called once the process is up. */
    public static void arm() {
        armed = ARMED != null;
    }

    public static void reached(String point) {
        if (armed && ARMED.equals(point) && HITS.incrementAndGet() >= AFTER) {
            System.err.println("oms: crash point " + point + " reached (hit " + HITS.get() + "): halting");
            System.err.flush();
            Runtime.getRuntime().halt(137);
        }
    }

    private static int parse(String value) {
        try {
            return value == null ? 1 : Math.max(1, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
