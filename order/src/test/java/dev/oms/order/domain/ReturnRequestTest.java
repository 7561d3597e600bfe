package dev.oms.order.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oms.order.domain.ReturnRequest.Accepted;
import dev.oms.order.domain.ReturnRequest.Bought;
import dev.oms.order.domain.ReturnRequest.Granted;
import dev.oms.order.domain.ReturnRequest.Line;
import dev.oms.order.domain.ReturnRequest.Refused;
import dev.oms.order.domain.ReturnRequest.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReturnRequestTest {
    private static final Instant DELIVERED = Instant.parse("2026-11-01T10:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(30);
    private static final Set<String> REASONS = Set.of("DAMAGED", "OTHER");
    private static final Map<String, Bought> BOUGHT = Map.of("A", new Bought(3, 1000), "B", new Bought(1, 250));

    @Test
    void acceptsUnitsOfADeliveredOrderWithinTheWindowAtThePricePaid() {
        Verdict verdict = check(OrderStatus.DELIVERED, DELIVERED.plus(WINDOW), Map.of(), List.of(new Line("A", 2)));

        assertThat(verdict).isEqualTo(new Granted(List.of(new Accepted("A", 2, 1000))));
    }

    @Test
    void refusesAnOrderNotDeliveredOrPastTheWindow() {
        assertThat(code(check(OrderStatus.SHIPPED, DELIVERED, Map.of(), List.of(new Line("A", 1)))))
                .isEqualTo("RETURN_NOT_ALLOWED");
        assertThat(code(check(OrderStatus.DELIVERED, DELIVERED.plus(WINDOW).plusSeconds(1), Map.of(),
                List.of(new Line("A", 1))))).isEqualTo("RETURN_WINDOW_CLOSED");
    }

    @Test
    void neverMoreUnitsThanBoughtLessThoseOnEarlierReturns() {
        assertThat(code(check(OrderStatus.DELIVERED, DELIVERED, Map.of("A", 2), List.of(new Line("A", 2)))))
                .isEqualTo("INVALID_INPUT");
        assertThat(check(OrderStatus.DELIVERED, DELIVERED, Map.of("A", 2), List.of(new Line("A", 1))))
                .isInstanceOf(Granted.class);
        assertThat(code(check(OrderStatus.DELIVERED, DELIVERED, Map.of(), List.of(new Line("A", 0)))))
                .isEqualTo("INVALID_INPUT");
        assertThat(code(check(OrderStatus.DELIVERED, DELIVERED, Map.of(), List.of(new Line("C", 1)))))
                .isEqualTo("INVALID_INPUT");
        assertThat(code(check(OrderStatus.DELIVERED, DELIVERED, Map.of(), List.of(new Line("B", 1), new Line("B", 1)))))
                .isEqualTo("INVALID_INPUT");
    }

    @Test
    void refusesAReasonTheShopDoesNotAccept() {
        Verdict verdict = ReturnRequest.check(OrderStatus.DELIVERED, DELIVERED, DELIVERED, WINDOW, REASONS, "BORED",
                BOUGHT, Map.of(), List.of(new Line("A", 1)));

        assertThat(verdict).isInstanceOfSatisfying(Refused.class, r -> assertThat(r.field()).isEqualTo("reason"));
    }

    @Test
    void refundsEveryUnitReceivedAtThePricePaid() {
        assertThat(ReturnRequest.refund(Map.of("A", 1000L, "B", 250L), Map.of("A", 2, "B", 1))).isEqualTo(2250);
    }

    private static Verdict check(OrderStatus status, Instant now, Map<String, Integer> returned, List<Line> lines) {
        return ReturnRequest.check(status, DELIVERED, now, WINDOW, REASONS, "DAMAGED", BOUGHT, returned, lines);
    }

    private static String code(Verdict verdict) {
        return verdict instanceof Refused refused ? refused.code() : null;
    }
}
