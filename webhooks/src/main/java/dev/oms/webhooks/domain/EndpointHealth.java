package dev.oms.webhooks.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * An endpoint's circuit: after {@link #OPEN_AFTER} failed attempts in a row (whatever the deliveries) the endpoint is
 * taken as down, and instead of trying every due delivery the dispatcher probes it with one at a time, 5 s, 10 s,
 * 20 s ... at most 5 min apart. The first success closes the circuit, and the endpoint's pending deliveries are due at
 * once. A receiver that refuses some payloads but takes others never opens it: each success starts the count again.
 *
 * @param failures failed attempts in a row: {@link #OPEN_AFTER} when it opens (however many failed in that round), one
 *                 more for every probe that failed since
 * @param probeAt  while open: when the next probe may go; null while closed
 */
public record EndpointHealth(int failures, Instant probeAt) {
    public static final int OPEN_AFTER = 3;
    public static final Duration FIRST_PROBE = Duration.ofSeconds(5);
    public static final Duration LONGEST_PROBE = Duration.ofMinutes(5);
    public static final EndpointHealth HEALTHY = new EndpointHealth(0, null);

    public boolean open() {
        return failures >= OPEN_AFTER;
    }

    /** The health after a round that tried the endpoint {@code failed + succeeded} times and ended at {@code now}. */
    public EndpointHealth after(int failed, int succeeded, Instant now) {
        if (succeeded > 0) {
            return HEALTHY;
        }
        if (failed == 0) {
            return this;
        }
        if (!open()) {
            int inARow = Math.min(failures + failed, OPEN_AFTER);
            return new EndpointHealth(inARow, inARow < OPEN_AFTER ? null : now.plus(FIRST_PROBE));
        }
        int inARow = failures + failed;
        return new EndpointHealth(inARow, now.plus(probeDelay(inARow - OPEN_AFTER)));
    }

    /** Whether a round that succeeded closed an open circuit: the endpoint's waiting deliveries are due now. */
    public boolean recoveredTo(EndpointHealth next) {
        return open() && !next.open();
    }

    private static Duration probeDelay(int probesFailed) {
        if (probesFailed >= 16) {
            return LONGEST_PROBE;
        }
        Duration delay = FIRST_PROBE.multipliedBy(1L << probesFailed);
        return delay.compareTo(LONGEST_PROBE) > 0 ? LONGEST_PROBE : delay;
    }
}
