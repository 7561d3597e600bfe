package dev.oms.webhooks.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When to try a failed delivery again: 5 s, 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, 4 h, 8 h, 8 h after each failed
 * attempt (about 24 h in all, 11 attempts), each delay spread by up to ±10 % so that a receiver coming back is not
 * hit by every delivery at once; after the last, none (the delivery FAILED).
 */
public final class RetrySchedule {
    public static final List<Duration> DELAYS = List.of(Duration.ofSeconds(5), Duration.ofSeconds(30),
            Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1),
            Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(8));
    private static final double JITTER = 0.1;

    private RetrySchedule() {}

    /**
     * The time of the next attempt after {@code attemptsMade} attempts all failed, the last one ending at {@code now};
     * {@code random} in [0, 1) picks the jitter. Empty when the schedule is used up.
     */
    public static Optional<Instant> nextAttempt(int attemptsMade, Instant now, double random) {
        if (attemptsMade < 1 || attemptsMade > DELAYS.size()) {
            return Optional.empty();
        }
        Duration delay = DELAYS.get(attemptsMade - 1);
        long spread = Math.round(delay.toMillis() * JITTER * (2 * random - 1));
        return Optional.of(now.plus(delay).plusMillis(spread));
    }

    /** The latest a delivery's schedule can end after it became due: every delay at its longest. */
    public static Duration longest() {
        Duration all = DELAYS.stream().reduce(Duration.ZERO, Duration::plus);
        return all.plusMillis(Math.round(all.toMillis() * JITTER));
    }

    /** How many attempts a delivery gets at most. */
    public static int maxAttempts() {
        return DELAYS.size() + 1;
    }
}
