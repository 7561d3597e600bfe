package dev.oms.bff;

import dev.oms.projections.api.Money;
import dev.oms.projections.api.NotificationView;
import dev.oms.projections.api.OrderLineView;
import dev.oms.projections.api.OrderQueries;
import dev.oms.projections.api.OrderView;
import dev.oms.projections.api.PaymentView;
import dev.oms.projections.api.SagaStepView;
import dev.oms.projections.api.SagaView;
import dev.oms.projections.api.ShipmentView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Two orders: one shipped and paid, one just placed; and an id whose lookup fails. */
final class FakeOrderQueries implements OrderQueries {
    static final String SHIPPED = "order-shipped";
    static final String JUST_PLACED = "order-new";
    static final String FAILING = "order-failing";
    static final String SECRET = "password=hunter2";

    static final Instant PLACED_AT = Instant.parse("2026-11-24T09:15:30.123456Z");
    static final Instant UPDATED_AT = Instant.parse("2026-11-24T09:16:02Z");

    private final Map<String, OrderView> orders = Map.of(
            SHIPPED, new OrderView(SHIPPED, "customer-7", "SHIPPED", new Money(2_550, "EUR"),
                    List.of(new OrderLineView("SKU-1", 2, new Money(1_000, "EUR")),
                            new OrderLineView("SKU-2", 1, new Money(550, "EUR"))),
                    new PaymentView("CAPTURED"),
                    List.of(new ShipmentView("ship-1", "berlin", "SHIPPED")),
                    List.of(new NotificationView("note-1", "EMAIL", "order-confirmed", "ada@example.com")),
                    new SagaView("saga-1", "PlaceOrder", "COMPLETED", List.of(
                            new SagaStepView("reserve-stock", "COMPENSATABLE", "SUCCEEDED", 1, null),
                            new SagaStepView("capture-payment", "RETRIABLE", "SUCCEEDED", 3, "provider timeout"))),
                    PLACED_AT, UPDATED_AT),
            JUST_PLACED, new OrderView(JUST_PLACED, "customer-8", "PENDING", new Money(899, "EUR"),
                    List.of(new OrderLineView("SKU-3", 1, new Money(899, "EUR"))), null, List.of(), List.of(), null,
                    PLACED_AT, PLACED_AT));

    @Override
    public Optional<OrderView> order(String orderId) {
        if (orderId.equals(FAILING)) {
            throw new IllegalStateException("SELECT * FROM order_view WHERE order_id = ? -- " + SECRET);
        }
        return Optional.ofNullable(orders.get(orderId));
    }
}
