package dev.oms.webhooks.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventTypesTest {
    private static final Set<String> KNOWN = Set.of("oms.order.v1.OrderStatusChanged", "oms.cart.v1.CheckoutCompleted");

    @Test
    void matchesFullNamesPrefixesAndEverything() {
        assertThat(EventTypes.matches("oms.order.v1.OrderStatusChanged", "oms.order.v1.OrderStatusChanged")).isTrue();
        assertThat(EventTypes.matches("oms.order.v1.OrderStatus", "oms.order.v1.OrderStatusChanged")).isFalse();
        assertThat(EventTypes.matches("oms.order.*", "oms.order.v1.OrderStatusChanged")).isTrue();
        assertThat(EventTypes.matches("oms.order.*", "oms.cart.v1.CheckoutCompleted")).isFalse();
        assertThat(EventTypes.matches(List.of("oms.cart.*", "*"), "oms.payment.v1.PaymentCaptured")).isTrue();
    }

    @Test
    void acceptsOnlyPatternsThatNameAKnownEvent() {
        assertThat(EventTypes.problemWith("oms.order.v1.OrderStatusChanged", KNOWN)).isEmpty();
        assertThat(EventTypes.problemWith("oms.*", KNOWN)).isEmpty();
        assertThat(EventTypes.problemWith("oms.order.v1.Nope", KNOWN)).isPresent();
        assertThat(EventTypes.problemWith("oms.*.v1", KNOWN)).isPresent();
        assertThat(EventTypes.problemWith(" ", KNOWN)).isPresent();
    }

    @Test
    void acceptsOnlyHttpUrlsWithAHost() {
        assertThat(EndpointUrls.problemWith("https://hooks.example.com/oms")).isEmpty();
        assertThat(EndpointUrls.problemWith("http://127.0.0.1:8080/x")).isEmpty();
        assertThat(EndpointUrls.problemWith("ftp://example.com")).isPresent();
        assertThat(EndpointUrls.problemWith("/relative")).isPresent();
        assertThat(EndpointUrls.problemWith("http://")).isPresent();
        assertThat(EndpointUrls.problemWith("")).isPresent();
    }
}
