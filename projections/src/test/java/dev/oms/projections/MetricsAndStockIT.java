package dev.oms.projections;

import static dev.oms.projections.Events.placed;
import static dev.oms.projections.Events.status;
import static dev.oms.projections.ProjectionsFixture.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.oms.messaging.IncomingMessage;
import dev.oms.projections.api.BusinessMetrics;
import dev.oms.projections.api.StockLevelView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetricsAndStockIT {
    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    private ProjectionsFixture projections;

    @BeforeEach
    void freshDatabase() {
        projections = new ProjectionsFixture();
    }

    @AfterEach
    void close() {
        projections.close();
    }

    /** An order placed at T0 that goes through {@code statuses}, one a second (DELIVERED after the given seconds). */
    private void order(String id, int deliveredAfter, String... statuses) {
        List<IncomingMessage> life = new ArrayList<>();
        life.add(message(id, placed(id, "alice"), T0));
        String previous = "PENDING";
        for (int i = 0; i < statuses.length; i++) {
            int second = statuses[i].equals("DELIVERED") ? deliveredAfter : i + 1;
            life.add(message(id, status(id, previous, statuses[i]), T0.plusSeconds(second)));
            previous = statuses[i];
        }
        projections.apply(life);
    }

    @Test
    void countsOutcomesAndFulfillmentLatency() {
        order("o-1", 10, "CONFIRMED", "FULFILLING", "SHIPPED", "DELIVERED");
        order("o-2", 20, "CONFIRMED", "FULFILLING", "SHIPPED", "DELIVERED");
        order("o-3", 0, "CONFIRMED", "CANCELLED");
        order("o-4", 0, "REJECTED");
        order("o-5", 0);

        BusinessMetrics metrics = projections.service.metrics().metrics();

        assertThat(metrics.ordersPlaced()).isEqualTo(5);
        assertThat(metrics.ordersConfirmed()).isEqualTo(3);
        assertThat(metrics.ordersRejected()).isEqualTo(1);
        assertThat(metrics.ordersDelivered()).isEqualTo(2);
        assertThat(metrics.orderSuccessRate()).isEqualTo(0.75);
        assertThat(metrics.fulfillmentLatencyP50()).isCloseTo(15.0, within(0.001));
        assertThat(metrics.fulfillmentLatencyP95()).isCloseTo(19.5, within(0.001));
    }

    @Test
    void countsAConfirmationThatArrivesAfterALaterStatus() {
        projections.apply(List.of(message("o-1", placed("o-1", "alice"), T0),
                message("o-1", status("o-1", "CONFIRMED", "FULFILLING"), T0.plusSeconds(2)),
                message("o-1", status("o-1", "PENDING", "CONFIRMED"), T0.plusSeconds(1))));

        assertThat(projections.service.metrics().metrics().ordersConfirmed()).isEqualTo(1);
        assertThat(projections.service.orders().order("o-1").orElseThrow().status()).isEqualTo("FULFILLING");
    }

    @Test
    void hasNoRatesBeforeAnyOrderIsDecided() {
        BusinessMetrics metrics = projections.service.metrics().metrics();

        assertThat(metrics.ordersPlaced()).isZero();
        assertThat(metrics.orderSuccessRate()).isNull();
        assertThat(metrics.fulfillmentLatencyP50()).isNull();
        assertThat(metrics.fulfillmentLatencyP95()).isNull();
    }

    @Test
    void showsTheStockOfASkuPerWarehouse() {
        projections.apply("SKU-1", Events.stock("SKU-1", "lyon", 5, 1), Events.stock("SKU-1", "berlin", 10, 3),
                Events.stock("SKU-2", "berlin", 1, 0));

        List<StockLevelView> stock = projections.service.stock().stock("SKU-1");

        assertThat(stock).extracting(StockLevelView::warehouse).containsExactly("berlin", "lyon");
        assertThat(stock.get(0)).extracting(StockLevelView::onHand, StockLevelView::reserved, StockLevelView::available)
                .containsExactly(10L, 3L, 7L);
        assertThat(projections.service.stock().stock("SKU-404")).isEmpty();
    }
}
