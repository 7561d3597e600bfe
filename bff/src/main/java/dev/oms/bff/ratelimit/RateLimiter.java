package dev.oms.bff.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.oms.bff.ratelimit.TokenBucket.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The buckets of all callers, each made on its caller's first operation. A bucket idle long enough to be full again is
 * forgotten (a new one starts full: nothing changes for its caller); beyond {@code maxBuckets} callers the least
 * recently seen are forgotten early. Counts operations and cost per caller class, never per caller.
 */
final class RateLimiter {
    static final String OPERATIONS = "oms.graphql.rate.limit.operations";
    static final String COST = "oms.graphql.rate.limit.cost";
    static final String BUCKETS = "oms.graphql.rate.limit.buckets";

    private final Map<CallerClass, Limit> limits;
    private final Clock clock;
    private final Cache<Key, TokenBucket> buckets;
    private final Map<CallerClass, Meters> meters = new EnumMap<>(CallerClass.class);

    RateLimiter(Map<CallerClass, Limit> limits, long maxBuckets, Clock clock, MeterRegistry registry) {
        this.limits = limits;
        this.clock = clock;
        long fillMillis = limits.values().stream()
                .mapToLong(limit -> (long) Math.ceil(limit.capacity() * 1000.0 / limit.refillPerSecond()))
                .max().orElse(0);
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxBuckets)
                .expireAfterAccess(Duration.ofMillis(fillMillis + 1000))
                .ticker(() -> clock.millis() * 1_000_000L)
                .executor(Runnable::run)
                .build();
        for (CallerClass callerClass : CallerClass.values()) {
            meters.put(callerClass, new Meters(registry, callerClass.tag()));
        }
        Gauge.builder(BUCKETS, buckets, Cache::estimatedSize)
                .description("Callers with a rate limit bucket in memory").register(registry);
    }

    /** Takes {@code cost} from the bucket of {@code caller} (a subject, or a client address) in its class. */
    Outcome charge(CallerClass callerClass, String caller, int cost) {
        long now = clock.millis();
        TokenBucket bucket = buckets.get(new Key(callerClass, caller),
                key -> new TokenBucket(limits.get(callerClass), now));
        Outcome outcome = bucket.take(cost, now);
        Meters counted = meters.get(callerClass);
        if (outcome.allowed()) {
            counted.allowed.increment();
            counted.cost.increment(cost);
        } else {
            counted.refused.increment();
        }
        return outcome;
    }

    Limit limit(CallerClass callerClass) {
        return limits.get(callerClass);
    }

    private record Key(CallerClass callerClass, String caller) {}

    private static final class Meters {
        final Counter allowed;
        final Counter refused;
        final Counter cost;

        Meters(MeterRegistry registry, String callerClass) {
            allowed = operations(registry, callerClass, "allowed");
            refused = operations(registry, callerClass, "refused");
            cost = Counter.builder(COST).tag("caller_class", callerClass)
                    .description("GraphQL cost (complexity) spent by allowed operations").register(registry);
        }

        private static Counter operations(MeterRegistry registry, String callerClass, String outcome) {
            return Counter.builder(OPERATIONS).tag("caller_class", callerClass).tag("outcome", outcome)
                    .description("GraphQL operations charged to a rate limit").register(registry);
        }
    }
}
