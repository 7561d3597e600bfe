package dev.oms.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import dev.oms.contracts.cart.v1.CheckoutCompleted;
import dev.oms.contracts.common.v1.Address;
import dev.oms.contracts.common.v1.Money;
import dev.oms.contracts.common.v1.OrderLine;
import dev.oms.contracts.fulfillment.v1.CancelUnshipped;
import dev.oms.contracts.fulfillment.v1.CancelledUnits;
import dev.oms.contracts.fulfillment.v1.Shipment;
import dev.oms.contracts.fulfillment.v1.ShipmentCancelRefused;
import dev.oms.contracts.fulfillment.v1.ShipmentStatusChanged;
import dev.oms.contracts.fulfillment.v1.UnshippedCancelled;
import dev.oms.contracts.inventory.v1.RestockLine;
import dev.oms.contracts.inventory.v1.RestockReturn;
import dev.oms.contracts.inventory.v1.StockRestocked;
import dev.oms.contracts.inventory.v2.ReservedLine;
import dev.oms.contracts.inventory.v2.StockReserved;
import dev.oms.contracts.inventory.v2.WarehouseReservation;
import dev.oms.contracts.order.v1.SagaUpdated;
import dev.oms.contracts.payment.v1.PaymentRefunded;
import dev.oms.contracts.payment.v1.RefundPayment;
import dev.oms.messaging.testing.OutboxReader;
import dev.oms.messaging.testing.OutboxReader.Emitted;
import dev.oms.order.api.CancelResult;
import dev.oms.order.api.OrderError;
import dev.oms.order.cancelrest.CancelRestSaga;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * The cancellation of a partly shipped order's rest against the real order service, with participants that answer,
 * never answer, answer twice or late, and a warehouse whose remaining parcel may leave at any moment, racing the
 * cancellation. Whatever happens: the CancelRest saga ends; if the warehouse cancelled the rest, exactly those units
 * are restocked and exactly their lines refunded at the price paid, under the cancellation's one operation, and the
 * order records them cancelled and is SHIPPED; if the rest left first, nothing is restocked or refunded and asking again
 * says the order has shipped.
 */
class CancelRestPropertiesIT {
    private static final Map<String, Long> PRICES = Map.of("SKU-1", 1250L, "SKU-2", 4999L);
    /** Ordered: 2 x SKU-1 and 1 x SKU-2 from WH-EAST; one SKU-1 left in a parcel of its own, the rest waits. */
    private static final Map<String, Integer> ORDERED = new TreeMap<>(Map.of("SKU-1", 2, "SKU-2", 1));
    private static final Map<String, Integer> REST = new TreeMap<>(Map.of("SKU-1", 1, "SKU-2", 1));

    private static OrderServiceFixture orders;

    enum Behaviour { OK, FAIL, NO_ANSWER, TWICE, LATE }

    @BeforeContainer
    static void start() {
        orders = new OrderServiceFixture("cancel-rest-properties");
    }

    @AfterContainer
    static void stop() {
        orders.close();
    }

    @Provide
    Arbitrary<List<Behaviour>> plans() {
        return Arbitraries.frequency(Tuple.of(4, Behaviour.OK), Tuple.of(1, Behaviour.NO_ANSWER),
                Tuple.of(1, Behaviour.TWICE), Tuple.of(1, Behaviour.LATE), Tuple.of(1, Behaviour.FAIL))
                .list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 60)
    void theRestIsCancelledAndRefundedOnceOrNothingMoves(@ForAll("plans") List<Behaviour> plan,
                                                        @ForAll @IntRange(max = 8) int restLeavesAt) {
        String orderId = partlyShippedOrder();
        OutboxReader.clear(orders.dataSource);
        String key = UUID.randomUUID().toString();
        CancelResult asked = orders.service.cancel(orderId, "the rest is too late", key);
        assertThat(asked.error()).as("the rest of a partly shipped order may be cancelled").isNull();
        Warehouse world = new Warehouse(orderId, plan.iterator(), restLeavesAt);

        for (int round = 0; round < 400 && !(ended(orderId) && world.late.isEmpty()); round++) {
            world.play(round);
        }
        assertThat(ended(orderId)).as("the CancelRest saga ended").isTrue();
        String operation = "cancel-rest-" + orderId;
        List<RefundPayment> refunds = orders.emitted(orderId, RefundPayment.class);
        List<RestockReturn> restocks = orders.emitted(orderId, RestockReturn.class);
        String sagaStatus = orders.saga(orderId, CancelRestSaga.NAME).getStatus();
        Statistics.label("rest").collect(sagaStatus);

        if (world.cancelled) {
            assertThat(sagaStatus).isEqualTo("COMPLETED");
            long owed = REST.entrySet().stream().mapToLong(e -> e.getValue() * PRICES.get(e.getKey())).sum();
            assertThat(refunds).as("the rest's lines refunded at the price paid, under one operation").isNotEmpty()
                    .allSatisfy(refund -> {
                        assertThat(refund.getOperationId()).isEqualTo(operation);
                        assertThat(refund.getAmount().getAmount()).isEqualTo(owed);
                    });
            assertThat(restocks).as("the rest's units restocked where they wait").isNotEmpty()
                    .allSatisfy(restock -> {
                        assertThat(restock.getReturnId()).isEqualTo(operation);
                        assertThat(units(restock)).isEqualTo(REST);
                    });
            assertThat(cancelledQuantities(orderId)).isEqualTo(REST);
            assertThat(orders.statusChanges(orderId)).last().isEqualTo("SHIPPED");
        } else {
            assertThat(sagaStatus).isEqualTo("COMPENSATED");
            assertThat(refunds).as("nothing refunded when the rest had left").isEmpty();
            assertThat(restocks).isEmpty();
            assertThat(cancelledQuantities(orderId)).isEmpty();
            CancelResult again = orders.service.cancel(orderId, "the rest is too late", key);
            assertThat(again.error()).isNotNull().extracting(OrderError::code).isEqualTo(OrderError.ORDER_ALREADY_SHIPPED);
        }
    }

    private static boolean ended(String orderId) {
        List<SagaUpdated> updates = orders.emitted(orderId, SagaUpdated.class).stream()
                .filter(u -> u.getSagaType().equals(CancelRestSaga.NAME)).toList();
        String status = updates.isEmpty() ? "" : updates.get(updates.size() - 1).getStatus();
        return status.equals("COMPLETED") || status.equals("COMPENSATED");
    }

    private static Map<String, Integer> units(RestockReturn restock) {
        Map<String, Integer> units = new TreeMap<>();
        restock.getLinesList().forEach(line -> units.merge(line.getSku(), line.getQuantity(), Integer::sum));
        return units;
    }

    private static Map<String, Integer> cancelledQuantities(String orderId) {
        Map<String, Integer> cancelled = new TreeMap<>();
        try (Connection c = orders.dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT sku, cancelled_quantity FROM order_line WHERE order_id = ?::uuid AND cancelled_quantity > 0")) {
            select.setString(1, orderId);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    cancelled.put(row.getString(1), row.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return cancelled;
    }

    /** Placed with everyone answering; one SKU-1 left in a parcel split off (s-2), the rest waits in s-1. */
    private static String partlyShippedOrder() {
        OutboxReader.clear(orders.dataSource);
        String orderId = UUID.randomUUID().toString();
        WarehouseReservation.Builder east = WarehouseReservation.newBuilder().setWarehouse("WH-EAST");
        ORDERED.forEach((sku, quantity) -> east.addLines(ReservedLine.newBuilder().setSku(sku).setQuantity(quantity)));
        orders.placeWithEveryoneAnswering(checkout(orderId),
                StockReserved.newBuilder().setOrderId(orderId).addWarehouses(east).build());
        orders.deliver(orderId, null, ShipmentStatusChanged.newBuilder().setOrderId(orderId)
                .setShipment(Shipment.newBuilder().setShipmentId("s-2").setWarehouse("WH-EAST").setStatus("SHIPPED"))
                .setAllShipments(false).build());
        assertThat(orders.statusChanges(orderId)).last().isEqualTo("PARTIALLY_SHIPPED");
        return orderId;
    }

    private static CheckoutCompleted checkout(String orderId) {
        long total = ORDERED.entrySet().stream().mapToLong(e -> e.getValue() * PRICES.get(e.getKey())).sum();
        CheckoutCompleted.Builder checkout = CheckoutCompleted.newBuilder().setOrderId(orderId)
                .setCartId(UUID.randomUUID().toString()).setCustomerId("alice").setPaymentToken("sandbox_ok")
                .setShippingAddress(Address.newBuilder().setName("Ada").setLine1("1 Main St").setCity("Berlin")
                        .setPostalCode("10115").setCountry("DE"))
                .setTotal(Money.newBuilder().setAmount(total).setCurrency("EUR"));
        ORDERED.forEach((sku, quantity) -> checkout.addLines(OrderLine.newBuilder().setSku(sku).setQuantity(quantity)
                .setUnitPrice(Money.newBuilder().setAmount(PRICES.get(sku)).setCurrency("EUR"))));
        return checkout.build();
    }

    private record Pending(String sagaId, Message reply) {}

    /**
     * The simulated participants: the warehouse decides the cancellation of the rest once (cancelled, or refused if the
     * rest left at round {@code restLeavesAt}: then the order hears its parcel shipped) and answers every repeat so;
     * inventory and payment book once per operation and answer every repeat. Any answer may be lost, doubled or late.
     */
    private static final class Warehouse {
        private final String orderId;
        private final Iterator<Behaviour> plan;
        private final int restLeavesAt;
        final List<Pending> late = new ArrayList<>();
        private int seen;
        private int round;
        private Boolean decided;
        boolean cancelled;

        Warehouse(String orderId, Iterator<Behaviour> plan, int restLeavesAt) {
            this.orderId = orderId;
            this.plan = plan;
            this.restLeavesAt = restLeavesAt;
        }

        void play(int round) {
            this.round = round;
            if (round == restLeavesAt && decided == null) {
                decided = false; // the rest leaves before the warehouse saw the cancellation
                orders.deliver(orderId, null, ShipmentStatusChanged.newBuilder().setOrderId(orderId)
                        .setShipment(Shipment.newBuilder().setShipmentId("s-1").setWarehouse("WH-EAST")
                                .setStatus("SHIPPED")).setAllShipments(true).build());
            }
            List<Emitted> all = OutboxReader.all(orders.dataSource).stream()
                    .filter(e -> orderId.equals(e.correlationId()))
                    .filter(e -> !e.payload().getDescriptorForType().getFullName().startsWith("oms.order")).toList();
            List<Emitted> fresh = new ArrayList<>(all.subList(seen, all.size()));
            seen = all.size();
            if (fresh.isEmpty()) {
                orders.advance(Duration.ofSeconds(61));
                List<Pending> due = new ArrayList<>(late);
                late.clear();
                due.forEach(pending -> orders.deliver(orderId, pending.sagaId(), pending.reply()));
            }
            fresh.forEach(this::answer);
        }

        private void answer(Emitted command) {
            Behaviour behaviour = plan.hasNext() ? plan.next() : Behaviour.OK;
            Message reply = act(command.payload());
            switch (behaviour) {
                case NO_ANSWER, FAIL -> { }
                case LATE -> late.add(new Pending(command.sagaId(), reply));
                case OK -> orders.deliver(orderId, command.sagaId(), reply);
                case TWICE -> {
                    orders.deliver(orderId, command.sagaId(), reply);
                    orders.deliver(orderId, command.sagaId(), reply);
                }
            }
        }

        private Message act(Message payload) {
            if (payload instanceof CancelUnshipped cancel) {
                if (decided == null) {
                    decided = true;
                    cancelled = true;
                }
                if (!cancelled) {
                    return ShipmentCancelRefused.newBuilder().setOrderId(orderId)
                            .setReason("every parcel of the order has left").build();
                }
                UnshippedCancelled.Builder done = UnshippedCancelled.newBuilder().setOrderId(orderId)
                        .setOperationId(cancel.getOperationId()).setRemainingStatus("SHIPPED");
                REST.forEach((sku, quantity) -> done.addUnits(CancelledUnits.newBuilder().setSku(sku)
                        .setWarehouse("WH-EAST").setQuantity(quantity)));
                return done.build();
            }
            if (payload instanceof RestockReturn restock) {
                return StockRestocked.newBuilder().setReturnId(restock.getReturnId()).setOrderId(orderId)
                        .setUnits(restock.getLinesList().stream().mapToInt(RestockLine::getQuantity).sum()).build();
            }
            if (payload instanceof RefundPayment refund) {
                return PaymentRefunded.newBuilder().setOrderId(orderId).setPaymentId("p").setAmount(refund.getAmount())
                        .setOperationId(refund.getOperationId()).build();
            }
            throw new AssertionError("unexpected command " + payload + " in round " + round);
        }
    }
}
