package dev.oms.saga;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often a step (or a compensation) is sent again, and how long to wait in between: exponential backoff
 * from {@code initialBackoff} up to {@code maxBackoff}, each wait shortened at random by up to
 * {@code jitter} (0..1) so that many sagas retrying together spread out. {@code maxAttempts} is the
 * budget: what happens when it is spent depends on the step kind (see {@link SagaEngine}).
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier, double jitter) {

    public RetryPolicy {
        if (maxAttempts < 1 || multiplier < 1 || jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("invalid retry policy");
        }
    }

    /** Send once, never again. */
    public static RetryPolicy once() {
        return new RetryPolicy(1, Duration.ofMillis(200), Duration.ofMillis(200), 1, 0);
    }

    public static RetryPolicy exponential(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, 2, 0.2);
    }

    /** The wait before attempt {@code attempt + 1}, after {@code attempt} attempts (1-based). */
    public Duration backoff(int attempt) {
        double base = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        double capped = Math.min(base, maxBackoff.toMillis());
        double jittered = capped * (1 - jitter * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis(Math.max(1, Math.round(jittered)));
    }

    public boolean spent(int attempts) {
        return attempts >= maxAttempts;
    }
}
