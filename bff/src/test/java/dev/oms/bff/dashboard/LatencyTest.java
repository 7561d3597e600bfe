package dev.oms.bff.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void interpolatesPercentilesInsideTheBucketThatHoldsTheRank() {
        Timer timer = timer("a");
        record(timer, 10, 50);
        record(timer, 10, 150);

        Latency latency = Latency.of(List.of(timer));

        assertThat(latency.count()).isEqualTo(20);
        assertThat(latency.p50()).isCloseTo(0.1, within(1e-9));
        assertThat(latency.p95()).isCloseTo(0.19, within(1e-9));
    }

    @Test
    void mergesTheBucketsOfSeveralTimers() {
        Timer succeeded = timer("succeeded");
        Timer failed = timer("failed");
        record(succeeded, 10, 50);
        record(failed, 10, 150);

        assertThat(Latency.of(List.of(succeeded, failed)).p50()).isCloseTo(0.1, within(1e-9));
    }

    @Test
    void hasNoPercentilesBeforeTheFirstSample() {
        assertThat(Latency.of(List.of(timer("a")))).isEqualTo(new Latency(0, null, null, null));
    }

    private Timer timer(String outcome) {
        return Timer.builder("step").tag("outcome", outcome).serviceLevelObjectives(
                Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400)).register(registry);
    }

    private static void record(Timer timer, int times, long millis) {
        for (int i = 0; i < times; i++) {
            timer.record(Duration.ofMillis(millis));
        }
    }
}
