package dev.oms.bff.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final MutableClock clock = new MutableClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RateLimiter limiter = new RateLimiter(Map.of(
            CallerClass.CUSTOMER, new Limit(100, 10),
            CallerClass.OPS, new Limit(1000, 100),
            CallerClass.ANONYMOUS, new Limit(50, 5)), 3, clock, registry);

    @Test
    void givesEveryCallerABucketOfItsClass() {
        assertThat(limiter.charge(CallerClass.CUSTOMER, "alice", 100).allowed()).isTrue();
        assertThat(limiter.charge(CallerClass.CUSTOMER, "alice", 1).allowed()).isFalse();
        assertThat(limiter.charge(CallerClass.CUSTOMER, "bob", 100).allowed()).isTrue();
        assertThat(limiter.charge(CallerClass.OPS, "alice", 1000).allowed()).isTrue();
        assertThat(limiter.charge(CallerClass.ANONYMOUS, "127.0.0.1", 51).retryAfterSeconds()).isEqualTo(-1);
    }

    @Test
    void countsOperationsAndCostPerCallerClass() {
        limiter.charge(CallerClass.CUSTOMER, "alice", 60);
        limiter.charge(CallerClass.CUSTOMER, "bob", 30);
        limiter.charge(CallerClass.CUSTOMER, "alice", 60);
        limiter.charge(CallerClass.OPS, "op", 7);

        assertThat(count(RateLimiter.OPERATIONS, "customer", "allowed")).isEqualTo(2);
        assertThat(count(RateLimiter.OPERATIONS, "customer", "refused")).isEqualTo(1);
        assertThat(count(RateLimiter.OPERATIONS, "ops", "allowed")).isEqualTo(1);
        assertThat(count(RateLimiter.OPERATIONS, "anonymous", "allowed")).isZero();
        assertThat(registry.get(RateLimiter.COST).tag("caller_class", "customer").counter().count()).isEqualTo(90);
        assertThat(registry.get(RateLimiter.OPERATIONS).meters()).allSatisfy(meter -> assertThat(meter.getId()
                .getTags()).extracting(tag -> tag.getKey()).containsExactlyInAnyOrder("caller_class", "outcome"));
    }

    @Test
    void forgetsBucketsOnceTheyAreFullAgainAndKeepsAtMostTheMaximum() {
        limiter.charge(CallerClass.CUSTOMER, "alice", 100);
        limiter.charge(CallerClass.CUSTOMER, "bob", 10);
        assertThat(limiter.charge(CallerClass.CUSTOMER, "alice", 1).allowed()).isFalse();

        clock.advance(Duration.ofSeconds(9));
        assertThat(limiter.charge(CallerClass.CUSTOMER, "alice", 91).allowed()).isFalse();
        clock.advance(Duration.ofMinutes(5));
        limiter.charge(CallerClass.OPS, "op", 1);
        assertThat(buckets()).isEqualTo(1);

        for (int i = 0; i < 10; i++) {
            limiter.charge(CallerClass.ANONYMOUS, "10.0.0." + i, 1);
        }
        assertThat(buckets()).isLessThanOrEqualTo(3);
    }

    private double buckets() {
        return registry.get(RateLimiter.BUCKETS).gauge().value();
    }

    private double count(String name, String callerClass, String outcome) {
        return registry.get(name).tag("caller_class", callerClass).tag("outcome", outcome).counter().count();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
