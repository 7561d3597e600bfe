package dev.oms.webhooks.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EndpointHealthTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void opensAfterThreeFailuresInARowWhateverTheDeliveries() {
        EndpointHealth twice = EndpointHealth.HEALTHY.after(2, 0, NOW);
        assertThat(twice.open()).isFalse();
        assertThat(twice.probeAt()).isNull();

        EndpointHealth thrice = twice.after(1, 0, NOW);
        assertThat(thrice.open()).isTrue();
        assertThat(thrice.probeAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(EndpointHealth.HEALTHY.after(8, 0, NOW)).as("a whole batch failing opens it as well")
                .isEqualTo(thrice);
    }

    @Test
    void aSuccessStartsTheCountAgainSoAReceiverRefusingSomePayloadsStaysClosed() {
        EndpointHealth mixed = EndpointHealth.HEALTHY.after(2, 0, NOW).after(5, 1, NOW);
        assertThat(mixed).isEqualTo(EndpointHealth.HEALTHY);
    }

    @Test
    void probesFurtherApartUpToFiveMinutes() {
        EndpointHealth health = EndpointHealth.HEALTHY.after(3, 0, NOW);
        Instant at = NOW;
        Duration[] expected = {Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40),
                Duration.ofSeconds(80), Duration.ofSeconds(160), Duration.ofMinutes(5), Duration.ofMinutes(5)};
        for (Duration delay : expected) {
            at = health.probeAt();
            health = health.after(1, 0, at);
            assertThat(Duration.between(at, health.probeAt())).isEqualTo(delay);
        }
        for (int i = 0; i < 100; i++) {
            health = health.after(1, 0, at);
        }
        assertThat(Duration.between(at, health.probeAt())).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void closingAnOpenCircuitIsARecovery() {
        EndpointHealth open = EndpointHealth.HEALTHY.after(3, 0, NOW);
        EndpointHealth back = open.after(0, 1, NOW);
        assertThat(open.recoveredTo(back)).isTrue();
        assertThat(EndpointHealth.HEALTHY.after(1, 0, NOW).recoveredTo(EndpointHealth.HEALTHY)).isFalse();
        assertThat(open.after(0, 0, NOW)).as("a round that did not try it changes nothing").isEqualTo(open);
    }
}
