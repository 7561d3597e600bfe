package dev.oms.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void readsEveryUnitAndBareSeconds() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(Durations.parse("1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(Durations.parse(" 6H ")).isEqualTo(Duration.ofHours(6));
        assertThat(Durations.parse("30d")).isEqualTo(Duration.ofDays(30));
        assertThat(Durations.parse("90")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void refusesWhatIsNotADurationByName() {
        assertThatThrownBy(() -> Durations.parse("a week")).hasMessageContaining("not a duration: a week");
        assertThatThrownBy(() -> Durations.parse("3w")).hasMessageContaining("30d");
    }
}
