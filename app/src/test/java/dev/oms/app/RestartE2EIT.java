package dev.oms.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.oms.app.platform.Platform;
import dev.oms.app.platform.PlatformSettings;
import dev.oms.infra.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** What `oms up` promises: a stop and a start on the same data dir keep every order and finish what was in flight. */
class RestartE2EIT {

    @Test
    void ordersSurviveARestartAndInFlightSagasFinish(@TempDir Path dataDir) {
        PlatformSettings settings = new PlatformSettings(dataDir, 0, Ports.freePort(), Ports.freePort(),
                Optional.empty(), Optional.empty(), 2, Duration.ofMillis(200), true);

        String finished;
        String inFlight;
        try (Platform first = Platform.start(settings, line -> { })) {
            Shop shop = shopOn(first);
            finished = shop.placeOrder("SKU-0005", 1, "sandbox_ok");
            shop.awaitSagaEnd(finished);
            inFlight = shop.placeOrder("SKU-0006", 1, "sandbox_ok");
        }

        try (Platform second = Platform.start(settings, line -> { })) {
            Shop shop = shopOn(second);
            assertThat(shop.order(finished).get("saga").get("status").asText()).isEqualTo("COMPLETED");
            JsonNode resumed = shop.awaitSagaEnd(inFlight);
            assertThat(resumed.get("saga").get("status").asText()).isEqualTo("COMPLETED");
            assertThat(resumed.get("payment").get("status").asText()).isEqualTo("CAPTURED");
        }
    }

    private static Shop shopOn(Platform platform) {
        Shop shop = TestPlatform.shopOn(platform);
        await().atMost(Duration.ofSeconds(30)).until(() -> shop.available("SKU-0005") > 0);
        return shop;
    }
}
