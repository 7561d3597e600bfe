package dev.oms.bff.ratelimit;

/**
 * One caller's bucket: it holds up to {@code capacity} tokens, fills continuously at {@code refillPerSecond} and an
 * operation takes as many as it costs, or none when there are not enough. Times are the caller's clock in
 * milliseconds; synchronized per bucket, so callers contend only with themselves.
 */
final class TokenBucket {
    private final Limit limit;
    private double tokens;
    private long updatedAt;
    private boolean throttled;

    TokenBucket(Limit limit, long nowMillis) {
        this.limit = limit;
        this.tokens = limit.capacity();
        this.updatedAt = nowMillis;
    }

    synchronized Outcome take(long cost, long nowMillis) {
        refill(nowMillis);
        if (cost <= tokens) {
            tokens -= cost;
            throttled = false;
            return Outcome.ALLOWED;
        }
        boolean first = !throttled;
        throttled = true;
        if (cost > limit.capacity()) {
            return new Outcome(false, -1, first);
        }
        double seconds = (cost - tokens) / limit.refillPerSecond();
        return new Outcome(false, (long) Math.max(1, Math.ceil(seconds - 1e-9)), first);
    }

    /** Whether the bucket is full again by {@code nowMillis}: then forgetting it changes nothing for its caller. */
    synchronized boolean fullAt(long nowMillis) {
        refill(nowMillis);
        return tokens >= limit.capacity();
    }

    synchronized double tokens(long nowMillis) {
        refill(nowMillis);
        return tokens;
    }

    private void refill(long nowMillis) {
        if (nowMillis > updatedAt) {
            tokens = Math.min(limit.capacity(), tokens + (nowMillis - updatedAt) * limit.refillPerSecond() / 1000.0);
            updatedAt = nowMillis;
        }
    }

    /**
     * What became of an operation.
     *
     * @param retryAfterSeconds when refused, the seconds until the bucket holds the cost (rounded up); 0 when allowed,
     *     -1 when the cost is more than the bucket ever holds
     * @param firstRefusal the first refusal since the caller's last allowed operation (logged, the others not)
     */
    record Outcome(boolean allowed, long retryAfterSeconds, boolean firstRefusal) {
        static final Outcome ALLOWED = new Outcome(true, 0, false);
    }
}
