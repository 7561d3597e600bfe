package dev.oms.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.oms.cart.api.CartCommands;
import dev.oms.cart.api.CartResult;
import dev.oms.infra.DbConfig;
import dev.oms.infra.Ports;
import dev.oms.infra.SharedTestInfra;
import dev.oms.remote.RemoteCommands;
import dev.oms.remote.ServiceUnavailableException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cart service in a process of its own ({@code oms service cart}), called through its command interface over
 * HTTP as a BFF in another process calls it: answers come back as values; with the process killed, a call fails with
 * SERVICE_UNAVAILABLE within its deadline instead of hanging; started again, the same call succeeds.
 */
class RemoteCartIT {
    private static final Duration DEADLINE = Duration.ofSeconds(1);
    private final DbConfig db = SharedTestInfra.freshDatabase("remote_cart");
    private final int commandPort = Ports.freePort();
    private OmsProcess cart;

    @AfterEach
    void stop() {
        if (cart != null) {
            cart.close();
        }
    }

    @Test
    void aDeadCartServiceIsUnavailableWithinTheDeadlineAndServesAgainOnceRestarted() throws Exception {
        cart = startCart("first");
        CartCommands remote = RemoteCommands.client(CartCommands.class, "cart", "http://127.0.0.1:" + commandPort,
                new RemoteCommands.Settings(DEADLINE, 2, Duration.ofMillis(50), Duration.ofSeconds(1)));
        CartResult created = remote.createCart("ada", "EUR");
        String cartId = created.cart().id();
        assertThat(remote.cart(cartId)).hasValueSatisfying(view -> assertThat(view.customerId()).isEqualTo("ada"));

        cart.kill();
        long started = System.nanoTime();
        assertThatThrownBy(() -> remote.cart(cartId)).isInstanceOf(ServiceUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(DEADLINE.multipliedBy(3));

        cart = startCart("second");
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(ServiceUnavailableException.class)
                .until(() -> remote.cart(cartId).isPresent());
        System.out.println("remote cart: killed, SERVICE_UNAVAILABLE within " + DEADLINE.multipliedBy(3).toMillis()
                + " ms, served again after a restart");
    }

    private OmsProcess startCart(String run) {
        return OmsProcess.service("cart", "remote-cart-" + run, db, SharedTestInfra.kafkaBootstrap(), Map.of(),
                "--command-port", String.valueOf(commandPort));
    }
}
