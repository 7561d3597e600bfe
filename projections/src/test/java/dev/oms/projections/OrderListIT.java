package dev.oms.projections;

import static dev.oms.projections.Events.placed;
import static dev.oms.projections.Events.status;
import static dev.oms.projections.ProjectionsFixture.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oms.contracts.payment.v1.PaymentDeclined;
import dev.oms.projections.api.InvalidCursorException;
import dev.oms.projections.api.OrderFilter;
import dev.oms.projections.api.OrderView;
import dev.oms.projections.api.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrderListIT {
    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    private ProjectionsFixture projections;

    @BeforeEach
    void fiveOrdersOfTwoCustomers() {
        projections = new ProjectionsFixture();
        for (int i = 1; i <= 5; i++) {
            String order = "order-" + i;
            projections.apply(List.of(message(order, placed(order, i % 2 == 0 ? "bob" : "alice"), T0.plusSeconds(i))));
        }
        projections.apply(List.of(message("order-2", status("order-2", "PENDING", "CONFIRMED"), T0.plusSeconds(10))));
        projections.apply(List.of(message("order-5", status("order-5", "PENDING", "CONFIRMED"), T0.plusSeconds(11))));
    }

    @AfterEach
    void close() {
        projections.close();
    }

    @Test
    void pagesThroughOrdersNewestFirst() {
        List<String> ids = new ArrayList<>();
        String after = null;
        Page<OrderView> page;
        do {
            page = projections.service.orders().orders(OrderFilter.all(), 2, after);
            assertThat(page.totalCount()).isEqualTo(5);
            page.edges().forEach(edge -> ids.add(edge.node().id()));
            after = page.endCursor();
        } while (page.hasNextPage());

        assertThat(ids).containsExactly("order-5", "order-4", "order-3", "order-2", "order-1");
    }

    @Test
    void filtersByStatusAndCustomer() {
        Page<OrderView> confirmed = projections.service.orders().orders(new OrderFilter("CONFIRMED", null), 10, null);
        Page<OrderView> bobs = projections.service.orders().orders(new OrderFilter(null, "bob"), 10, null);
        Page<OrderView> bobsConfirmed = projections.service.orders().orders(new OrderFilter("CONFIRMED", "bob"), 10, null);

        assertThat(confirmed.edges()).extracting(e -> e.node().id()).containsExactly("order-5", "order-2");
        assertThat(bobs.edges()).extracting(e -> e.node().id()).containsExactly("order-4", "order-2");
        assertThat(bobsConfirmed.edges()).extracting(e -> e.node().id()).containsExactly("order-2");
        assertThat(bobsConfirmed.totalCount()).isEqualTo(1);
        assertThat(bobs.edges().get(0).node().lines()).hasSize(2);
    }

    @Test
    void leavesOutOrdersWhosePlacementWasNotSeenYet() {
        projections.apply(List.of(message("order-9", PaymentDeclined.newBuilder().setOrderId("order-9").build(),
                T0.plusSeconds(20))));

        Page<OrderView> page = projections.service.orders().orders(OrderFilter.all(), 10, null);

        assertThat(page.totalCount()).isEqualTo(5);
        assertThat(page.edges()).extracting(e -> e.node().id()).doesNotContain("order-9");
    }

    @Test
    void endsWithAnEmptyPageWithoutCursor() {
        Page<OrderView> all = projections.service.orders().orders(OrderFilter.all(), 5, null);

        Page<OrderView> after = projections.service.orders().orders(OrderFilter.all(), 5, all.endCursor());

        assertThat(all.hasNextPage()).isFalse();
        assertThat(after.edges()).isEmpty();
        assertThat(after.endCursor()).isNull();
    }

    @Test
    void refusesACursorOfAnotherListAndAPageOverAHundred() {
        projections.apply("SKU-1", Events.listed("SKU-1", "Anvil", 100));
        String catalogCursor = projections.service.products().products(1, null).endCursor();

        assertThatThrownBy(() -> projections.service.orders().orders(OrderFilter.all(), 2, catalogCursor))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> projections.service.orders().orders(OrderFilter.all(), 2, "%%%"))
                .isInstanceOf(InvalidCursorException.class);
        assertThatThrownBy(() -> projections.service.orders().orders(OrderFilter.all(), 101, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
