package dev.oms.bench;

import java.time.Duration;

/**
 * One bench run.
 *
 * @param concurrency clients checking out at once (closed loop); each checks out again once the saga of its last
 *                    checkout has ended, so this is also the number of sagas in flight
 * @param ratePerSecond above zero: an open loop that starts checkouts at this rate whatever the answers take
 * @param completionTimeout how long to wait, after the last checkout, for every saga to end
 * @param statsSettle how long to let Postgres's backends report their statistics before reading them: an idle
 *                    backend reports its last second of commits only after 10 s
 */
public record BenchOptions(int orders, int warmup, int concurrency, double ratePerSecond, Mix mix, boolean direct,
                           Duration completionTimeout, Duration statsSettle, long seed) {

    public BenchOptions {
        if (orders < 1 || warmup < 0 || concurrency < 1 || ratePerSecond < 0) {
            throw new IllegalArgumentException("orders and concurrency must be positive, warmup and rate not negative");
        }
    }

    public boolean openLoop() {
        return ratePerSecond > 0;
    }

    public String mode() {
        return direct ? "direct" : "graphql";
    }

    /** How the load is paced, in words: "concurrency 64" or "rate 500/s". */
    public String pacing() {
        return openLoop() ? "rate " + ratePerSecond + "/s" : "concurrency " + concurrency;
    }
}
