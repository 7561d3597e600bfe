package dev.oms.inventory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InventoryConfigTest {

    @Test
    void reservationsHoldForFifteenMinutesByDefault() {
        assertThat(InventoryConfig.defaults().reservationTtl()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void refusesATimeToLiveThatIsNotPositive() {
        assertThatThrownBy(() -> new InventoryConfig(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InventoryConfig(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InventoryConfig(null)).isInstanceOf(NullPointerException.class);
    }
}
