package dev.oms.bff;

import dev.oms.projections.api.Edge;
import dev.oms.projections.api.InvalidCursorException;
import dev.oms.projections.api.Money;
import dev.oms.projections.api.NotificationView;
import dev.oms.projections.api.OrderEventView;
import dev.oms.projections.api.OrderFilter;
import dev.oms.projections.api.OrderLineView;
import dev.oms.projections.api.OrderQueries;
import dev.oms.projections.api.OrderUpdate;
import dev.oms.projections.api.OrderView;
import dev.oms.projections.api.Page;
import dev.oms.projections.api.PaymentView;
import dev.oms.projections.api.SagaStepView;
import dev.oms.projections.api.SagaView;
import dev.oms.projections.api.ShipmentView;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Three orders: customer-7's shipped and paid one and their delivered one, customer-8's just placed one; and an id
 * whose lookup fails. Lists page newest first by a cursor of the order id.
 */
final class FakeOrderQueries implements OrderQueries {
    static final String SHIPPED = "order-shipped";
    static final String DELIVERED = "order-delivered";
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
            DELIVERED, new OrderView(DELIVERED, "customer-7", "DELIVERED", new Money(150, "EUR"),
                    List.of(new OrderLineView("SKU-5", 1, new Money(150, "EUR"))), new PaymentView("CAPTURED"),
                    List.of(new ShipmentView("ship-2", "lyon", "DELIVERED")), List.of(), null,
                    PLACED_AT.plusSeconds(3_600), PLACED_AT.plusSeconds(7_200)),
            JUST_PLACED, new OrderView(JUST_PLACED, "customer-8", "PENDING", new Money(899, "EUR"),
                    List.of(new OrderLineView("SKU-3", 1, new Money(899, "EUR"))), null, List.of(), List.of(), null,
                    PLACED_AT.plusSeconds(60), PLACED_AT.plusSeconds(60)));

    static final List<OrderEventView> SHIPPED_EVENTS = List.of(
            new OrderEventView("11111111-1111-1111-1111-111111111111", "oms.order.v1.OrderPlaced", PLACED_AT, null,
                    "order", null, null),
            new OrderEventView("33333333-3333-3333-3333-333333333333", "oms.order.v1.SagaUpdated", PLACED_AT,
                    "11111111-1111-1111-1111-111111111111", "order", "saga-1", null),
            new OrderEventView("22222222-2222-2222-2222-222222222222", "oms.payment.v1.PaymentAuthorized",
                    UPDATED_AT, "44444444-4444-4444-4444-444444444444", "payment", "saga-1", null));
    /** The shipped order's audit trail: its events with the command between them, and payloads. */
    static final List<OrderEventView> SHIPPED_TRAIL = List.of(
            new OrderEventView("11111111-1111-1111-1111-111111111111", "oms.order.v1.OrderPlaced", PLACED_AT, null,
                    "order", null, "{\"order_id\":\"order-shipped\",\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":2}]}"),
            new OrderEventView("44444444-4444-4444-4444-444444444444", "oms.payment.v1.AuthorizePayment", PLACED_AT,
                    "11111111-1111-1111-1111-111111111111", "order", "saga-1", "{\"order_id\":\"order-shipped\"}"),
            new OrderEventView("22222222-2222-2222-2222-222222222222", "oms.payment.v1.PaymentAuthorized",
                    UPDATED_AT, "44444444-4444-4444-4444-444444444444", "payment", "saga-1",
                    "{\"order_id\":\"order-shipped\",\"authorized\":true}"));

    @Override
    public Optional<OrderView> order(String orderId) {
        if (orderId.equals(FAILING)) {
            throw new IllegalStateException("SELECT * FROM order_view WHERE order_id = ? -- " + SECRET);
        }
        return Optional.ofNullable(orders.get(orderId));
    }

    @Override
    public Page<OrderView> orders(OrderFilter filter, int first, String after) {
        List<OrderView> matching = orders.values().stream()
                .filter(o -> filter.status() == null || o.status().equals(filter.status()))
                .filter(o -> filter.customerId() == null || o.customerId().equals(filter.customerId()))
                .sorted(Comparator.comparing(OrderView::placedAt).thenComparing(OrderView::id).reversed())
                .toList();
        int from = 0;
        if (after != null) {
            if (!after.startsWith("cursor:")) {
                throw new InvalidCursorException(after);
            }
            String afterId = after.substring("cursor:".length());
            from = matching.stream().map(OrderView::id).toList().indexOf(afterId) + 1;
        }
        List<Edge<OrderView>> edges = matching.stream().skip(from).limit(first)
                .map(o -> new Edge<>("cursor:" + o.id(), o)).toList();
        return Page.of(edges, from + first < matching.size(), matching.size());
    }

    @Override
    public List<OrderEventView> events(String orderId) {
        return orderId.equals(SHIPPED) ? SHIPPED_EVENTS : List.of();
    }

    @Override
    public List<OrderEventView> auditTrail(String orderId) {
        return orderId.equals(SHIPPED) ? SHIPPED_TRAIL : List.of();
    }

    @Override
    public Optional<OrderUpdate> currentStatus(String orderId) {
        return order(orderId).map(o -> new OrderUpdate(o.id(), o.customerId(), o.status(), o.updatedAt(), o.placedAt()));
    }
}
