package dev.oms.webhooks.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void backsOffExponentiallyWithoutJitterInTheMiddle() {
        assertThat(RetrySchedule.nextAttempt(1, NOW, 0.5)).contains(NOW.plusSeconds(5));
        assertThat(RetrySchedule.nextAttempt(2, NOW, 0.5)).contains(NOW.plusSeconds(30));
        assertThat(RetrySchedule.nextAttempt(3, NOW, 0.5)).contains(NOW.plus(Duration.ofMinutes(2)));
        assertThat(RetrySchedule.nextAttempt(10, NOW, 0.5)).contains(NOW.plus(Duration.ofHours(8)));
    }

    @Test
    void spreadsEachDelayByAtMostATenth() {
        assertThat(RetrySchedule.nextAttempt(1, NOW, 0.0)).contains(NOW.plusMillis(4_500));
        assertThat(RetrySchedule.nextAttempt(1, NOW, 0.999_999)).hasValueSatisfying(
                at -> assertThat(at).isBetween(NOW.plusMillis(5_499), NOW.plusMillis(5_500)));
    }

    @Test
    void givesUpAfterAboutADay() {
        assertThat(RetrySchedule.nextAttempt(11, NOW, 0.5)).isEmpty();
        assertThat(RetrySchedule.maxAttempts()).isEqualTo(11);
        Duration total = RetrySchedule.DELAYS.stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(total).isBetween(Duration.ofHours(23), Duration.ofHours(25));
    }
}
