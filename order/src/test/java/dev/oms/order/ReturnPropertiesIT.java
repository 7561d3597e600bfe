package dev.oms.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import dev.oms.contracts.cart.v1.CheckoutCompleted;
import dev.oms.contracts.common.v1.Address;
import dev.oms.contracts.common.v1.Money;
import dev.oms.contracts.common.v1.OrderLine;
import dev.oms.contracts.fulfillment.v1.CancelReturnExpectation;
import dev.oms.contracts.fulfillment.v1.ExpectReturn;
import dev.oms.contracts.fulfillment.v1.ReceivedReturnLine;
import dev.oms.contracts.fulfillment.v1.ReturnCancelRefused;
import dev.oms.contracts.fulfillment.v1.ReturnExpectationCancelled;
import dev.oms.contracts.fulfillment.v1.ReturnReceived;
import dev.oms.contracts.fulfillment.v1.Shipment;
import dev.oms.contracts.fulfillment.v1.ShipmentStatusChanged;
import dev.oms.contracts.inventory.v1.RestockLine;
import dev.oms.contracts.inventory.v1.RestockReturn;
import dev.oms.contracts.inventory.v1.StockRestocked;
import dev.oms.contracts.inventory.v2.ReservedLine;
import dev.oms.contracts.inventory.v2.StockReserved;
import dev.oms.contracts.inventory.v2.WarehouseReservation;
import dev.oms.contracts.order.v1.ReturnStatusChanged;
import dev.oms.contracts.order.v1.SagaUpdated;
import dev.oms.contracts.payment.v1.PaymentRefunded;
import dev.oms.contracts.payment.v1.RefundPayment;
import dev.oms.messaging.testing.OutboxReader;
import dev.oms.messaging.testing.OutboxReader.Emitted;
import dev.oms.order.api.OrderError;
import dev.oms.order.api.ReturnLineRequest;
import dev.oms.order.api.ReturnPolicy;
import dev.oms.order.api.ReturnResult;
import dev.oms.order.returnorder.ReturnOrderSaga;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Returns of a delivered order against the real order service, with participants that answer, never answer, answer
 * twice or answer late, a warehouse whose operator receives the parcel at a random moment (fewer units than announced
 * perhaps, some damaged) and a customer who may withdraw the return at another, the two racing. Whatever happens: the
 * ReturnOrder saga ends; a return the warehouse received is REFUNDED exactly what it received, once per return, and its
 * restockable units restocked where they came back; one it did not is CANCELLED with nothing restocked or refunded and
 * the warehouse no longer expecting it; a withdrawal is never accepted once the service knows of the receipt; the
 * return's published statuses only go forward.
 */
class ReturnPropertiesIT {
    private static final Map<String, Long> PRICES = Map.of("SKU-1", 1250L, "SKU-2", 4999L);
    /** What the order shipped from where: SKU-1 from two warehouses, SKU-2 from one. */
    private static final Map<String, Map<String, Integer>> SHIPPED = Map.of(
            "SKU-1", Map.of("WH-EAST", 2, "WH-WEST", 1),
            "SKU-2", Map.of("WH-EAST", 1));

    private static final Duration SHIP_BACK = ReturnPolicy.defaults().shipBack();

    private static OrderServiceFixture orders;

    enum Behaviour { OK, FAIL, NO_ANSWER, TWICE, LATE }

    /** Who acts on the return: the warehouse's operator receives it, the customer withdraws it, or both, racing. */
    enum Story { RECEIVED, WITHDRAWN, BOTH }

    /** How the warehouse's ReturnReceived reaches the order service: never lost, but perhaps twice, or overtaken. */
    enum Delivery { ONCE, TWICE, LATE }

    /** Units of one sku the operator finds in the parcel. */
    record Found(String sku, int restockable, int damaged) {}

    /** The lines asked back, and what the parcel will turn out to hold. */
    record Parcel(List<ReturnLineRequest> asked, List<Found> found) {}

    @BeforeContainer
    static void start() {
        orders = new OrderServiceFixture("return-properties");
    }

    @AfterContainer
    static void stop() {
        orders.close();
    }

    /** Mostly both, racing. */
    @Provide
    Arbitrary<Story> stories() {
        return Arbitraries.frequency(Tuple.of(1, Story.RECEIVED), Tuple.of(1, Story.WITHDRAWN), Tuple.of(3, Story.BOTH));
    }

    @Provide
    Arbitrary<List<Behaviour>> plans() {
        return Arbitraries.of(Behaviour.class).list().ofMinSize(1).ofMaxSize(12);
    }

    /** 1 to 3 units of SKU-1 and/or SKU-2's one unit; the parcel holds at most those, at least one unit in all. */
    @Provide
    Arbitrary<Parcel> parcels() {
        Arbitrary<List<ReturnLineRequest>> asked = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 1)).as((one, two) -> {
                    List<ReturnLineRequest> lines = new ArrayList<>();
                    if (one > 0) {
                        lines.add(new ReturnLineRequest("SKU-1", one));
                    }
                    if (two > 0) {
                        lines.add(new ReturnLineRequest("SKU-2", two));
                    }
                    return lines;
                }).filter(lines -> !lines.isEmpty());
        return asked.flatMap(lines -> Combinators.combine(lines.stream().map(ReturnPropertiesIT::found).toList())
                .as(found -> new Parcel(lines, found))
                .filter(parcel -> parcel.found().stream().mapToInt(f -> f.restockable() + f.damaged()).sum() > 0));
    }

    private static Arbitrary<Found> found(ReturnLineRequest line) {
        return Arbitraries.integers().between(0, line.quantity()).flatMap(units -> Arbitraries.integers()
                .between(0, units).map(restockable -> new Found(line.sku(), restockable, units - restockable)));
    }

    @Property(tries = 60)
    void aReturnEndsRefundedForWhatArrivedOrCancelledWithNothingMoved(
            @ForAll("parcels") Parcel parcel, @ForAll("stories") Story story, @ForAll("plans") List<Behaviour> plan,
            @ForAll Delivery receipt, @ForAll @IntRange(max = 6) int atRound,
            @ForAll @IntRange(min = -2, max = 2) int withdrawalLag) {
        int receiveAtRound = atRound;
        int withdrawAtRound = story == Story.BOTH ? Math.max(0, atRound + withdrawalLag) : atRound;
        String orderId = deliveredOrder();
        OutboxReader.clear(orders.dataSource);
        ReturnResult requested = orders.service.requestReturn(orderId, parcel.asked(), "NO_LONGER_NEEDED",
                UUID.randomUUID().toString());
        assertThat(requested.error()).as("the return of a delivered order is accepted").isNull();
        String returnId = requested.returnId();
        boolean receives = story != Story.WITHDRAWN;
        boolean withdraws = story != Story.RECEIVED;
        Warehouse world = new Warehouse(orderId, plan.iterator(), receives ? receiveAtRound : Integer.MAX_VALUE,
                parcel.found(), receipt);
        List<Withdrawal> withdrawals = new ArrayList<>();

        for (int round = 0; round < 400 && !settled(orderId, world, withdraws, withdrawals, round, receiveAtRound, receives);
             round++) {
            if (withdraws && round >= withdrawAtRound && withdrawals.isEmpty()) {
                withdrawals.add(withdraw(returnId, world));
            }
            world.play(round);
            retryGivenUpCompensations(orderId);
        }
        assertThat(ended(orderId)).as("the ReturnOrder saga ended").isTrue();
        assertThat(world.late).as("every late answer was delivered").isEmpty();
        Withdrawal again = withdraw(returnId, world); // asked (again) once all is settled: how it stands

        String sagaStatus = orders.saga(orderId, ReturnOrderSaga.NAME).getStatus();
        StoredReturn stored = stored(returnId);
        List<RestockReturn> restocks = orders.emitted(orderId, RestockReturn.class).stream()
                .filter(r -> r.getReturnId().equals(returnId)).toList();
        List<RefundPayment> refunds = orders.emitted(orderId, RefundPayment.class);
        assertThat(refunds).as("every refund of this order names this return").allSatisfy(
                refund -> assertThat(refund.getOperationId()).isEqualTo("return-" + returnId));
        List<ReturnStatusChanged> events = orders.emitted(orderId, ReturnStatusChanged.class).stream()
                .filter(e -> e.getReturnId().equals(returnId)).toList();
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).getPreviousStatus()).as("ReturnStatusChanged #%d follows the one before", i)
                    .isEqualTo(i == 0 ? "" : events.get(i - 1).getStatus());
        }
        List<String> statuses = events.stream().map(ReturnStatusChanged::getStatus).toList();
        Statistics.label("return").collect(stored.status(), withdrawals.isEmpty() ? "not withdrawn"
                : withdrawals.get(0).answer().error() != null ? "withdrawal refused" : "withdrawal accepted");

        if (stored.status().equals("REFUNDED")) {
            assertThat(sagaStatus).isEqualTo("COMPLETED");
            assertThat(world.state).as("the warehouse received what was refunded").isEqualTo(Expectation.RECEIVED);
            long owed = world.owed();
            assertThat(refunds).as("a refund was asked for").isNotEmpty();
            assertThat(refunds.stream().map(RefundPayment::getAmount).distinct().toList())
                    .as("one refund amount, for every unit received at the price paid")
                    .containsExactly(Money.newBuilder().setAmount(owed).setCurrency("EUR").build());
            assertThat(stored.refundAmount()).isEqualTo(owed);
            assertThat(events.get(events.size() - 1).getRefund().getAmount()).isEqualTo(owed);
            assertThat(restocks).as("the restockable units were restocked").isNotEmpty().allSatisfy(restock ->
                    assertThat(restocked(restock)).as("restocked per sku and warehouse").isEqualTo(world.restockable()));
            assertThat(stored.judged()).as("order_return_line restockable/damaged per sku").isEqualTo(world.judged());
            assertThat(statuses).containsExactly("REQUESTED", "RECEIVED", "REFUNDED");
            assertThat(again.answer().error()).as("a withdrawal of a refunded return").isNotNull()
                    .extracting(OrderError::code).isEqualTo(OrderError.RETURN_ALREADY_RECEIVED);
        } else {
            assertThat(stored.status()).as("the return ended").isEqualTo("CANCELLED");
            assertThat(sagaStatus).isEqualTo("COMPENSATED");
            assertThat(world.state).as("the warehouse no longer expects a cancelled return (and never received it)")
                    .isEqualTo(Expectation.CANCELLED);
            assertThat(restocks).as("nothing restocked for a cancelled return").isEmpty();
            assertThat(refunds).as("nothing refunded for a cancelled return").isEmpty();
            assertThat(stored.refundAmount()).isNull();
            assertThat(stored.judged().values()).allSatisfy(units -> assertThat(units).containsExactly(0, 0));
            assertThat(statuses).containsExactly("REQUESTED", "CANCELLED");
            assertThat(again.answer().error()).isNull();
            assertThat(again.answer().status()).isEqualTo("CANCELLED");
        }
        assertThat(withdrawals).allSatisfy(w -> {
            if (w.receiptKnown()) {
                assertThat(w.answer().error()).as("a withdrawal after the receipt reached the service is refused")
                        .isNotNull();
            }
            if (w.answer().error() != null) {
                assertThat(w.answer().error().code()).isEqualTo(OrderError.RETURN_ALREADY_RECEIVED);
                assertThat(w.warehouse()).as("refused only once the warehouse had received it")
                        .isEqualTo(Expectation.RECEIVED);
            } else {
                assertThat(w.answer().returnId()).isEqualTo(returnId);
                assertThat(w.answer().status()).isIn("REQUESTED", "CANCELLED");
                if (w.answer().status().equals("CANCELLED")) {
                    assertThat(stored.status()).isEqualTo("CANCELLED");
                }
            }
        });
    }

    private static boolean settled(String orderId, Warehouse world, boolean withdraws, List<Withdrawal> withdrawals,
                                   int round, int receiveAtRound, boolean receives) {
        return ended(orderId) && world.late.isEmpty() && (!withdraws || !withdrawals.isEmpty())
                && (!receives || round > receiveAtRound);
    }

    private static boolean ended(String orderId) {
        String status = orders.saga(orderId, ReturnOrderSaga.NAME).getStatus();
        return status.equals("COMPLETED") || status.equals("COMPENSATED");
    }

    /** A customer's withdrawal, with what the service and the warehouse knew when it was asked. */
    record Withdrawal(ReturnResult answer, boolean receiptKnown, Expectation warehouse) {}

    private static Withdrawal withdraw(String returnId, Warehouse world) {
        boolean known = world.receiptDelivered;
        Expectation warehouse = world.state;
        return new Withdrawal(orders.service.withdrawReturn(returnId, "alice"), known, warehouse);
    }

    /** What the runbook has an operator do with a compensation unanswered past its budget: retry it. */
    private static void retryGivenUpCompensations(String orderId) {
        Map<String, String> latest = new HashMap<>();
        orders.emitted(orderId, SagaUpdated.class).forEach(u -> latest.put(u.getSagaId(), u.getStatus()));
        latest.forEach((sagaId, status) -> {
            if (status.equals("COMPENSATION_FAILED")) {
                orders.service.retry(sagaId);
            }
        });
    }

    private static Map<String, Integer> restocked(RestockReturn restock) {
        Map<String, Integer> units = new HashMap<>();
        for (RestockLine line : restock.getLinesList()) {
            units.merge(line.getSku() + "@" + line.getWarehouse(), line.getQuantity(), Integer::sum);
        }
        return units;
    }

    /**
     * An order of 3 x SKU-1 (2 from WH-EAST, 1 from WH-WEST) and 1 x SKU-2 (WH-EAST), placed with participants that
     * all answer, then shipped and delivered as the fulfillment service reports it.
     */
    private static String deliveredOrder() {
        OutboxReader.clear(orders.dataSource);
        String orderId = UUID.randomUUID().toString();
        StockReserved.Builder reserved = StockReserved.newBuilder().setOrderId(orderId);
        Map<String, WarehouseReservation.Builder> byWarehouse = new LinkedHashMap<>();
        SHIPPED.forEach((sku, from) -> from.forEach((warehouse, quantity) -> byWarehouse
                .computeIfAbsent(warehouse, w -> WarehouseReservation.newBuilder().setWarehouse(w))
                .addLines(ReservedLine.newBuilder().setSku(sku).setQuantity(quantity))));
        byWarehouse.values().forEach(reserved::addWarehouses);
        orders.placeWithEveryoneAnswering(checkout(orderId), reserved.build());
        for (String status : List.of("SHIPPED", "DELIVERED")) {
            orders.deliver(orderId, null, ShipmentStatusChanged.newBuilder().setOrderId(orderId)
                    .setShipment(Shipment.newBuilder().setShipmentId("s-1").setWarehouse("WH-EAST").setStatus(status))
                    .setAllShipments(true).build());
        }
        assertThat(orders.statusChanges(orderId)).last().isEqualTo("DELIVERED");
        return orderId;
    }

    private static CheckoutCompleted checkout(String orderId) {
        CheckoutCompleted.Builder checkout = CheckoutCompleted.newBuilder()
                .setOrderId(orderId)
                .setCartId(UUID.randomUUID().toString())
                .setCustomerId("alice")
                .setPaymentToken("sandbox_ok")
                .setShippingAddress(Address.newBuilder().setName("Ada").setLine1("1 Main St").setCity("Berlin")
                        .setPostalCode("10115").setCountry("DE"));
        long total = 0;
        for (String sku : List.of("SKU-1", "SKU-2")) {
            int quantity = SHIPPED.get(sku).values().stream().mapToInt(Integer::intValue).sum();
            checkout.addLines(OrderLine.newBuilder().setSku(sku).setQuantity(quantity)
                    .setUnitPrice(Money.newBuilder().setAmount(PRICES.get(sku)).setCurrency("EUR")));
            total += quantity * PRICES.get(sku);
        }
        return checkout.setTotal(Money.newBuilder().setAmount(total).setCurrency("EUR")).build();
    }

    /** The return as the order service stored it: status, refund, and per sku [restockable, damaged]. */
    record StoredReturn(String status, Long refundAmount, Map<String, List<Integer>> judged) {}

    private static StoredReturn stored(String returnId) {
        try (Connection c = orders.dataSource.getConnection()) {
            String status;
            Long refund;
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT status, refund_amount FROM order_return WHERE return_id = ?")) {
                select.setObject(1, UUID.fromString(returnId));
                try (ResultSet row = select.executeQuery()) {
                    assertThat(row.next()).as("return %s stored", returnId).isTrue();
                    status = row.getString(1);
                    refund = row.getObject(2, Long.class);
                }
            }
            Map<String, List<Integer>> judged = new HashMap<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT sku, restockable, damaged FROM order_return_line WHERE return_id = ?")) {
                select.setObject(1, UUID.fromString(returnId));
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        judged.put(row.getString(1), List.of(row.getInt(2), row.getInt(3)));
                    }
                }
            }
            return new StoredReturn(status, refund, judged);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the warehouse makes of the return. */
    enum Expectation { NONE, EXPECTED, RECEIVED, CANCELLED }

    private record Pending(String sagaId, Message reply) {}

    /**
     * The simulated participants of a return. The warehouse expects the parcel once ExpectReturn reaches it and never
     * answers that by itself: its operator receives the parcel at {@code receiveAtRound} (or as soon as it is expected),
     * unless it was withdrawn before; CancelReturnExpectation is refused once received, done otherwise; a repeated
     * ExpectReturn is answered with what happened, as fulfillment does. The receipt is never lost (it commits with
     * the warehouse's outbox) but may come twice or late, overtaken by later answers. Inventory and payment book a
     * return's restock and refund once and answer every repeat; any answer may be lost, doubled or late.
     */
    private static final class Warehouse {
        private final String orderId;
        private final Iterator<Behaviour> plan;
        private final int receiveAtRound;
        private final List<Found> parcel;
        private final Delivery delivery;
        final List<Pending> late = new ArrayList<>();
        private int seen;
        private int idleRounds;
        private String sagaId;
        private String returnId;
        Expectation state = Expectation.NONE;
        ReturnReceived receipt;
        boolean receiptDelivered;

        Warehouse(String orderId, Iterator<Behaviour> plan, int receiveAtRound, List<Found> parcel, Delivery delivery) {
            this.delivery = delivery;
            this.orderId = orderId;
            this.plan = plan;
            this.receiveAtRound = receiveAtRound;
            this.parcel = parcel;
        }

        /** One round: the operator may receive, then what the order service sent is answered; if nothing, time passes. */
        void play(int round) {
            receiveIfDue(round);
            List<Emitted> commands = newCommands();
            if (commands.isEmpty()) {
                // a minute, or after a while of nothing at all the time the warehouse waits for a parcel (or for the
                // answer to a withdrawal: the step's timeout) before the saga asks again
                idleRounds++;
                orders.advance(idleRounds % 5 == 0 ? SHIP_BACK.plusSeconds(61) : Duration.ofSeconds(61));
                deliverLate();
            } else {
                idleRounds = 0;
            }
            commands.forEach(this::answer);
            receiveIfDue(round);
        }

        private void receiveIfDue(int round) {
            if (round < receiveAtRound || state != Expectation.EXPECTED) {
                return;
            }
            state = Expectation.RECEIVED;
            ReturnReceived.Builder received = ReturnReceived.newBuilder().setReturnId(returnId).setOrderId(orderId);
            for (Found found : parcel) { // placed like fulfillment does: restockable first, in warehouse order
                int restockable = found.restockable();
                int damaged = found.damaged();
                for (Map.Entry<String, Integer> from : new TreeMap<>(SHIPPED.get(found.sku())).entrySet()) {
                    int back = Math.min(from.getValue(), restockable);
                    int broken = Math.min(from.getValue() - back, damaged);
                    if (back + broken > 0) {
                        received.addLines(ReceivedReturnLine.newBuilder().setSku(found.sku()).setWarehouse(from.getKey())
                                .setRestockable(back).setDamaged(broken));
                    }
                    restockable -= back;
                    damaged -= broken;
                }
            }
            receipt = received.build();
            send(sagaId, receipt, switch (delivery) {
                case ONCE -> Behaviour.OK;
                case TWICE -> Behaviour.TWICE;
                case LATE -> Behaviour.LATE;
            });
        }

        private List<Emitted> newCommands() {
            List<Emitted> all = OutboxReader.all(orders.dataSource).stream()
                    .filter(e -> orderId.equals(e.correlationId()))
                    .filter(e -> !e.payload().getDescriptorForType().getFullName().startsWith("oms.order")).toList();
            List<Emitted> fresh = new ArrayList<>(all.subList(seen, all.size()));
            seen = all.size();
            return fresh;
        }

        private void answer(Emitted command) {
            Behaviour behaviour = next();
            Message reply = act(command);
            if (reply != null) {
                send(command.sagaId(), reply, behaviour);
            }
        }

        private Behaviour next() {
            return plan.hasNext() ? plan.next() : Behaviour.OK;
        }

        /** Does what the command asks, as its participant would; returns the answer, if it has one now. */
        private Message act(Emitted command) {
            Message payload = command.payload();
            if (payload instanceof ExpectReturn expect) {
                returnId = expect.getReturnId();
                sagaId = command.sagaId();
                return switch (state) {
                    case NONE -> {
                        state = Expectation.EXPECTED;
                        yield null;
                    }
                    case EXPECTED -> null;
                    case RECEIVED -> receipt;
                    case CANCELLED -> cancelled(expect.getReturnId());
                };
            }
            if (payload instanceof CancelReturnExpectation cancel) {
                if (state == Expectation.RECEIVED) {
                    return ReturnCancelRefused.newBuilder().setReturnId(cancel.getReturnId()).setOrderId(orderId)
                            .setReason("the warehouse has received the return").build();
                }
                state = Expectation.CANCELLED;
                return cancelled(cancel.getReturnId());
            }
            if (payload instanceof RestockReturn restock) {
                return StockRestocked.newBuilder().setReturnId(restock.getReturnId()).setOrderId(orderId)
                        .setUnits(restock.getLinesList().stream().mapToInt(RestockLine::getQuantity).sum()).build();
            }
            if (payload instanceof RefundPayment refund) {
                return PaymentRefunded.newBuilder().setOrderId(orderId).setPaymentId("p").setAmount(refund.getAmount())
                        .setRefundedTotal(refund.getAmount()).setOperationId(refund.getOperationId()).build();
            }
            return null;
        }

        private Message cancelled(String returnId) {
            return ReturnExpectationCancelled.newBuilder().setReturnId(returnId).setOrderId(orderId).build();
        }

        private void send(String sagaId, Message reply, Behaviour behaviour) {
            switch (behaviour) {
                case NO_ANSWER, FAIL -> { } // a participant that failed answers the saga's next attempt
                case LATE -> late.add(new Pending(sagaId, reply));
                case OK -> deliver(sagaId, reply);
                case TWICE -> {
                    deliver(sagaId, reply);
                    deliver(sagaId, reply);
                }
            }
        }

        private void deliver(String sagaId, Message reply) {
            orders.deliver(orderId, sagaId, reply);
            receiptDelivered |= reply instanceof ReturnReceived;
        }

        void deliverLate() {
            List<Pending> due = new ArrayList<>(late);
            late.clear();
            due.forEach(pending -> deliver(pending.sagaId(), pending.reply()));
        }

        /** Every unit received, restockable or damaged, at the price paid. */
        long owed() {
            return receipt.getLinesList().stream()
                    .mapToLong(l -> (l.getRestockable() + l.getDamaged()) * PRICES.get(l.getSku())).sum();
        }

        /** Restockable units per sku@warehouse received. */
        Map<String, Integer> restockable() {
            Map<String, Integer> units = new HashMap<>();
            receipt.getLinesList().stream().filter(l -> l.getRestockable() > 0).forEach(l ->
                    units.merge(l.getSku() + "@" + l.getWarehouse(), l.getRestockable(), Integer::sum));
            return units;
        }

        /** Per sku asked back: [restockable, damaged] received. */
        Map<String, List<Integer>> judged() {
            Map<String, List<Integer>> judged = new HashMap<>();
            parcel.forEach(found -> judged.put(found.sku(), List.of(found.restockable(), found.damaged())));
            return judged;
        }
    }
}
