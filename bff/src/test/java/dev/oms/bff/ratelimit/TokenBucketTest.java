package dev.oms.bff.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oms.bff.ratelimit.TokenBucket.Outcome;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private static final Limit LIMIT = new Limit(100, 10);

    @Test
    void startsFullAndTakesWhatAnOperationCosts() {
        TokenBucket bucket = new TokenBucket(LIMIT, 0);

        assertThat(bucket.take(60, 0).allowed()).isTrue();
        assertThat(bucket.take(40, 0).allowed()).isTrue();
        assertThat(bucket.tokens(0)).isZero();
    }

    @Test
    void refusesWhatIsNotLeftAndTakesNothingThen() {
        TokenBucket bucket = new TokenBucket(LIMIT, 0);
        bucket.take(90, 0);

        Outcome refused = bucket.take(30, 0);

        assertThat(refused.allowed()).isFalse();
        assertThat(bucket.tokens(0)).isEqualTo(10);
        assertThat(bucket.take(10, 0).allowed()).isTrue();
    }

    @Test
    void refillsContinuouslyUpToTheCapacity() {
        TokenBucket bucket = new TokenBucket(LIMIT, 0);
        bucket.take(100, 0);

        assertThat(bucket.tokens(250)).isEqualTo(2.5);
        assertThat(bucket.take(3, 250).allowed()).isFalse();
        assertThat(bucket.take(3, 300).allowed()).isTrue();
        assertThat(bucket.tokens(3_600_000)).isEqualTo(100);
        assertThat(bucket.fullAt(3_600_000)).isTrue();
    }

    @Test
    void saysInWholeSecondsRoundedUpWhenTheCostWillBeThere() {
        TokenBucket bucket = new TokenBucket(LIMIT, 0);
        bucket.take(100, 0);

        assertThat(bucket.take(25, 0).retryAfterSeconds()).isEqualTo(3);
        assertThat(bucket.take(20, 0).retryAfterSeconds()).isEqualTo(2);
        assertThat(bucket.take(1, 0).retryAfterSeconds()).isEqualTo(1);
        assertThat(bucket.take(25, 1_000).retryAfterSeconds()).isEqualTo(2);
        assertThat(bucket.take(25, 2_500).allowed()).isTrue();
    }

    @Test
    void refusesACostBiggerThanTheCapacityForGood() {
        TokenBucket bucket = new TokenBucket(LIMIT, 0);

        Outcome never = bucket.take(101, 0);

        assertThat(never.allowed()).isFalse();
        assertThat(never.retryAfterSeconds()).isEqualTo(-1);
        assertThat(bucket.tokens(0)).isEqualTo(100);
    }

    @Test
    void marksOnlyTheFirstRefusalOfAnEpisode() {
        TokenBucket bucket = new TokenBucket(LIMIT, 0);
        bucket.take(100, 0);

        assertThat(bucket.take(50, 0).firstRefusal()).isTrue();
        assertThat(bucket.take(50, 0).firstRefusal()).isFalse();
        assertThat(bucket.take(50, 5_000).allowed()).isTrue();
        assertThat(bucket.take(50, 5_000).firstRefusal()).isTrue();
    }

    @Test
    void aClockGoingBackAddsNothing() {
        TokenBucket bucket = new TokenBucket(LIMIT, 10_000);
        bucket.take(100, 10_000);

        assertThat(bucket.tokens(5_000)).isZero();
        assertThat(bucket.tokens(10_100)).isEqualTo(1);
    }

    @Test
    void givesOutNoMoreThanItHoldsToConcurrentCallers() throws Exception {
        TokenBucket bucket = new TokenBucket(new Limit(1000, 1), 0);
        AtomicInteger allowed = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 2000; i++) {
            threads.execute(() -> {
                if (bucket.take(1, 0).allowed()) {
                    allowed.incrementAndGet();
                }
            });
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(allowed).hasValue(1000);
    }
}
