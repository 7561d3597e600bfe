package dev.oms.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import dev.oms.contracts.cart.v1.CheckoutCompleted;
import dev.oms.contracts.cart.v1.ProductListed;
import dev.oms.contracts.common.v1.Address;
import dev.oms.contracts.common.v1.Money;
import dev.oms.contracts.common.v1.OrderLine;
import dev.oms.contracts.fulfillment.v1.ReviseShipment;
import dev.oms.contracts.fulfillment.v1.Shipment;
import dev.oms.contracts.fulfillment.v1.ShipmentReviseRefused;
import dev.oms.contracts.fulfillment.v1.ShipmentRevised;
import dev.oms.contracts.inventory.v1.AdjustOrderStock;
import dev.oms.contracts.inventory.v1.Allocation;
import dev.oms.contracts.inventory.v1.StockAdjusted;
import dev.oms.contracts.inventory.v1.StockAdjustmentUndone;
import dev.oms.contracts.inventory.v1.StockUnavailable;
import dev.oms.contracts.inventory.v1.UndoStockAdjustment;
import dev.oms.contracts.inventory.v2.ReservedLine;
import dev.oms.contracts.inventory.v2.StockReserved;
import dev.oms.contracts.inventory.v2.WarehouseReservation;
import dev.oms.contracts.order.v1.OrderEdited;
import dev.oms.contracts.order.v1.SagaUpdated;
import dev.oms.contracts.payment.v1.AuthorizeIncrement;
import dev.oms.contracts.payment.v1.CapturePayment;
import dev.oms.contracts.payment.v1.IncrementAuthorized;
import dev.oms.contracts.payment.v1.IncrementReleased;
import dev.oms.contracts.payment.v1.PaymentCaptured;
import dev.oms.contracts.payment.v1.PaymentDeclined;
import dev.oms.contracts.payment.v1.PaymentRefunded;
import dev.oms.contracts.payment.v1.RefundPayment;
import dev.oms.contracts.payment.v1.ReleaseIncrement;
import dev.oms.messaging.testing.OutboxReader;
import dev.oms.messaging.testing.OutboxReader.Emitted;
import dev.oms.order.api.EditLineRequest;
import dev.oms.order.api.EditResult;
import dev.oms.order.reviseorder.ReviseOrderSaga;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
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
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Edits of a placed, unshipped order against the real order service, with participants that answer, never answer,
 * answer twice or late; inventory may be short of units, the provider may decline the higher total, and a parcel may
 * leave the warehouse at any moment, racing the revision. Whatever happens: the ReviseOrder saga ends; an APPLIED edit
 * left the order with the asked lines and total, its stock moved, its shipments revised and exactly the difference
 * captured or refunded under the edit's operation; a FAILED one left the order, its stock, its payment and its parcels
 * as they were (an adjustment undone, an increment released, nothing captured or refunded).
 */
class EditPropertiesIT {
    private static final Map<String, Long> PRICES = Map.of("SKU-1", 1250L, "SKU-2", 4999L, "SKU-3", 700L);
    private static final Map<String, Integer> ORDERED = new TreeMap<>(Map.of("SKU-1", 2, "SKU-2", 1));
    private static final long TOTAL = 2 * 1250L + 4999L;

    private static OrderServiceFixture orders;

    enum Behaviour { OK, FAIL, NO_ANSWER, TWICE, LATE }

    @BeforeContainer
    static void start() {
        orders = new OrderServiceFixture("edit-properties");
        orders.deliver("catalog", null, ProductListed.newBuilder().setSku("SKU-3").setName("third")
                .setPrice(Money.newBuilder().setAmount(PRICES.get("SKU-3")).setCurrency("EUR")).build());
    }

    @AfterContainer
    static void stop() {
        orders.close();
    }

    /** Mostly answers as asked: an edit that any lost answer undoes would rarely be seen applied. */
    @Provide
    Arbitrary<List<Behaviour>> plans() {
        return Arbitraries.frequency(Tuple.of(8, Behaviour.OK), Tuple.of(1, Behaviour.NO_ANSWER),
                Tuple.of(1, Behaviour.TWICE), Tuple.of(1, Behaviour.LATE), Tuple.of(1, Behaviour.FAIL))
                .list().ofMinSize(1).ofMaxSize(12);
    }

    /** New quantities of SKU-1 (0-4), SKU-2 (0-2) and SKU-3 (0-2, not in the order): some change, some unit left. */
    @Provide
    Arbitrary<Map<String, Integer>> edits() {
        return Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(0, 2))
                .as((one, two, three) -> Map.of("SKU-1", one, "SKU-2", two, "SKU-3", three))
                .filter(edit -> edit.values().stream().anyMatch(q -> q > 0))
                .filter(edit -> !edit.equals(Map.of("SKU-1", 2, "SKU-2", 1, "SKU-3", 0)));
    }

    @Property(tries = 60)
    void anEditIsAppliedWholeOrUndoneWhole(@ForAll("edits") Map<String, Integer> edit,
                                           @ForAll("plans") List<Behaviour> plan,
                                           @ForAll @IntRange(max = 4) int stockLuck,
                                           @ForAll @IntRange(max = 4) int cardLuck,
                                           @ForAll @IntRange(max = 40) int parcelLeavesAt) {
        boolean stockShort = stockLuck == 0; // one in five
        boolean declines = cardLuck == 0;
        String orderId = placedOrder();
        OutboxReader.clear(orders.dataSource);
        List<EditLineRequest> lines = edit.entrySet().stream()
                .map(e -> new EditLineRequest(e.getKey(), e.getValue())).toList();
        EditResult requested = orders.service.editOrder(orderId, lines, "alice", UUID.randomUUID().toString());
        assertThat(requested.error()).as("the edit of a placed, unshipped order is accepted").isNull();
        long newTotal = newTotal(edit);
        assertThat(requested.newTotal()).isEqualTo(newTotal);
        long difference = newTotal - TOTAL;
        World world = new World(orderId, plan.iterator(), stockShort, declines, parcelLeavesAt);

        for (int round = 0; round < 400 && !(ended(orderId) && world.late.isEmpty()); round++) {
            world.play(round);
            retryGivenUpCompensations(orderId);
        }
        assertThat(ended(orderId)).as("the ReviseOrder saga ended").isTrue();
        String operation = "edit-" + requested.editId();
        List<CapturePayment> captures = orders.emitted(orderId, CapturePayment.class);
        List<RefundPayment> refunds = orders.emitted(orderId, RefundPayment.class);
        List<OrderEdited> editedEvents = orders.emitted(orderId, OrderEdited.class);
        String status = stored(requested.editId());
        Statistics.label("edit").collect(status, difference > 0 ? "higher" : difference < 0 ? "lower" : "same");
        Statistics.label("why").collect(String.valueOf((Object) query("SELECT failure FROM order_edit WHERE edit_id = ?::uuid",
                requested.editId(), row -> row.getString(1))));

        if (status.equals("APPLIED")) {
            assertThat(orders.saga(orderId, ReviseOrderSaga.NAME).getStatus()).isEqualTo("COMPLETED");
            assertThat(lines(orderId)).as("the order's lines are the edited ones").isEqualTo(expectedLines(edit));
            assertThat(total(orderId)).isEqualTo(newTotal);
            assertThat(world.stock).isEqualTo(State.APPLIED);
            assertThat(world.parcels).isEqualTo(State.APPLIED);
            assertThat(editedEvents).singleElement().satisfies(e -> assertThat(e.getTotal().getAmount()).isEqualTo(newTotal));
            if (difference > 0) {
                assertThat(world.increment).as("the higher total was authorized and captured").isEqualTo(State.CAPTURED);
                assertThat(captures).isNotEmpty().allSatisfy(c -> {
                    assertThat(c.getOperationId()).isEqualTo(operation);
                    assertThat(c.getAmount().getAmount()).isEqualTo(difference);
                });
                assertThat(refunds).isEmpty();
            } else {
                assertThat(captures).isEmpty();
                assertThat(refunds).as("the lower total's difference refunded").isNotEmpty().allSatisfy(r -> {
                    assertThat(r.getOperationId()).isEqualTo(operation);
                    assertThat(r.getAmount().getAmount()).isEqualTo(-difference);
                });
            }
        } else {
            assertThat(status).as("the edit ended").isEqualTo("FAILED");
            assertThat(orders.saga(orderId, ReviseOrderSaga.NAME).getStatus()).isEqualTo("COMPENSATED");
            assertThat(lines(orderId)).as("the order's lines as they were").isEqualTo(ORDERED);
            assertThat(total(orderId)).isEqualTo(TOTAL);
            assertThat(world.stock).as("the stock as it was").isIn(State.NONE, State.UNDONE);
            assertThat(world.increment).as("nothing more held or taken").isIn(State.NONE, State.DECLINED, State.UNDONE);
            assertThat(world.parcels).as("the parcels as they were").isIn(State.NONE, State.REFUSED);
            assertThat(captures).isEmpty();
            assertThat(refunds).isEmpty();
            assertThat(editedEvents).isEmpty();
            EditResult again = orders.service.editOrder(orderId, lines, "alice", "again-" + requested.editId());
            assertThat(again.error()).as("the order can be edited again").isNull();
        }
    }

    private static long newTotal(Map<String, Integer> edit) {
        long total = TOTAL;
        for (Map.Entry<String, Integer> line : edit.entrySet()) {
            total += (line.getValue() - ORDERED.getOrDefault(line.getKey(), 0)) * PRICES.get(line.getKey());
        }
        return total;
    }

    private static Map<String, Integer> expectedLines(Map<String, Integer> edit) {
        Map<String, Integer> lines = new TreeMap<>();
        edit.forEach((sku, quantity) -> {
            if (quantity > 0) {
                lines.put(sku, quantity);
            }
        });
        return lines;
    }

    private static boolean ended(String orderId) {
        List<SagaUpdated> updates = orders.emitted(orderId, SagaUpdated.class).stream()
                .filter(u -> u.getSagaType().equals(ReviseOrderSaga.NAME)).toList();
        if (updates.isEmpty()) {
            return false;
        }
        String status = updates.get(updates.size() - 1).getStatus();
        return status.equals("COMPLETED") || status.equals("COMPENSATED");
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

    /** An order of 2 x SKU-1 and 1 x SKU-2 from WH-EAST, placed with participants that all answer, not shipped. */
    private static String placedOrder() {
        OutboxReader.clear(orders.dataSource);
        String orderId = UUID.randomUUID().toString();
        WarehouseReservation.Builder east = WarehouseReservation.newBuilder().setWarehouse("WH-EAST");
        ORDERED.forEach((sku, quantity) -> east.addLines(ReservedLine.newBuilder().setSku(sku).setQuantity(quantity)));
        orders.placeWithEveryoneAnswering(checkout(orderId),
                StockReserved.newBuilder().setOrderId(orderId).addWarehouses(east).build());
        assertThat(orders.statusChanges(orderId)).last().isEqualTo("FULFILLING");
        return orderId;
    }

    private static CheckoutCompleted checkout(String orderId) {
        CheckoutCompleted.Builder checkout = CheckoutCompleted.newBuilder().setOrderId(orderId)
                .setCartId(UUID.randomUUID().toString()).setCustomerId("alice").setPaymentToken("sandbox_ok")
                .setShippingAddress(Address.newBuilder().setName("Ada").setLine1("1 Main St").setCity("Berlin")
                        .setPostalCode("10115").setCountry("DE"))
                .setTotal(Money.newBuilder().setAmount(TOTAL).setCurrency("EUR"));
        ORDERED.forEach((sku, quantity) -> checkout.addLines(OrderLine.newBuilder().setSku(sku).setQuantity(quantity)
                .setUnitPrice(Money.newBuilder().setAmount(PRICES.get(sku)).setCurrency("EUR"))));
        return checkout.build();
    }

    private static String stored(String editId) {
        return query("SELECT status FROM order_edit WHERE edit_id = ?::uuid", editId, row -> row.getString(1));
    }

    private static long total(String orderId) {
        return query("SELECT total_amount FROM orders WHERE order_id = ?::uuid", orderId, row -> row.getLong(1));
    }

    private static Map<String, Integer> lines(String orderId) {
        return query("SELECT sku, quantity FROM order_line WHERE order_id = ?::uuid", orderId, row -> {
            Map<String, Integer> lines = new TreeMap<>();
            do {
                lines.put(row.getString(1), row.getInt(2));
            } while (row.next());
            return lines;
        });
    }

    private interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    private static <T> T query(String sql, String id, RowReader<T> reader) {
        try (Connection c = orders.dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("a row for %s", id).isTrue();
                return reader.read(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where a participant's part of the edit stands. */
    enum State { NONE, APPLIED, DECLINED, CAPTURED, UNDONE, REFUSED }

    private record Pending(String sagaId, Message reply) {}

    /**
     * The simulated participants of an edit, each deciding once per operation and answering every repeat with that
     * decision, as the real ones do: inventory (short of units or not; an undo before the adjustment withdraws it), the
     * provider (declining the higher total or not; a release before the authorization withdraws it) and the warehouse,
     * whose parcel leaves at round {@code parcelLeavesAt}: a revision asked for after that is refused. Any answer may be
     * lost, doubled or late.
     */
    private static final class World {
        private final String orderId;
        private final Iterator<Behaviour> plan;
        private final boolean stockShort;
        private final boolean declines;
        private final int parcelLeavesAt;
        final List<Pending> late = new ArrayList<>();
        private int seen;
        private int round;
        State stock = State.NONE;
        State increment = State.NONE;
        State parcels = State.NONE;

        World(String orderId, Iterator<Behaviour> plan, boolean stockShort, boolean declines, int parcelLeavesAt) {
            this.orderId = orderId;
            this.plan = plan;
            this.stockShort = stockShort;
            this.declines = declines;
            this.parcelLeavesAt = parcelLeavesAt;
        }

        void play(int round) {
            this.round = round;
            List<Emitted> commands = newCommands();
            if (commands.isEmpty()) {
                orders.advance(Duration.ofSeconds(61));
                List<Pending> due = new ArrayList<>(late);
                late.clear();
                due.forEach(pending -> orders.deliver(orderId, pending.sagaId(), pending.reply()));
            }
            commands.forEach(this::answer);
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
            if (payload instanceof AdjustOrderStock adjust) {
                if (stock == State.NONE && !stockShort) {
                    stock = State.APPLIED;
                }
                if (stock != State.APPLIED) {
                    return StockUnavailable.newBuilder().setOrderId(orderId).setReason(stock == State.UNDONE
                            ? "the adjustment was withdrawn" : "not enough units").build();
                }
                StockAdjusted.Builder adjusted = StockAdjusted.newBuilder().setOrderId(orderId)
                        .setOperationId(adjust.getOperationId());
                adjust.getChangesList().forEach(change -> adjusted.addMoved(Allocation.newBuilder()
                        .setSku(change.getSku()).setWarehouse("WH-EAST").setQuantity(change.getQuantity())));
                return adjusted.build();
            }
            if (payload instanceof UndoStockAdjustment undo) {
                stock = State.UNDONE;
                return StockAdjustmentUndone.newBuilder().setOrderId(orderId).setOperationId(undo.getOperationId())
                        .build();
            }
            if (payload instanceof AuthorizeIncrement authorize) {
                if (authorize.getAmount().getAmount() == 0) {
                    return authorized(authorize);
                }
                if (increment == State.NONE) {
                    increment = declines ? State.DECLINED : State.APPLIED;
                }
                return increment == State.APPLIED || increment == State.CAPTURED ? authorized(authorize)
                        : PaymentDeclined.newBuilder().setOrderId(orderId).setCode(increment == State.UNDONE
                                ? "INCREMENT_RELEASED" : "card_declined").build();
            }
            if (payload instanceof ReleaseIncrement release) {
                assertThat(increment).as("a captured increment is never released").isNotEqualTo(State.CAPTURED);
                if (increment != State.DECLINED) {
                    increment = State.UNDONE;
                }
                return IncrementReleased.newBuilder().setOrderId(orderId).setOperationId(release.getOperationId()).build();
            }
            if (payload instanceof ReviseShipment revise) {
                if (parcels == State.NONE) {
                    parcels = round >= parcelLeavesAt ? State.REFUSED : State.APPLIED;
                }
                return parcels == State.APPLIED
                        ? ShipmentRevised.newBuilder().setOrderId(orderId).setOperationId(revise.getOperationId())
                                .addShipments(Shipment.newBuilder().setShipmentId("s-1").setWarehouse("WH-EAST")
                                        .setStatus("CREATED")).build()
                        : ShipmentReviseRefused.newBuilder().setOrderId(orderId).setOperationId(revise.getOperationId())
                                .setReason("a parcel of the order has left").build();
            }
            if (payload instanceof CapturePayment capture) {
                assertThat(increment).as("only an authorized increment is captured").isIn(State.APPLIED, State.CAPTURED);
                increment = State.CAPTURED;
                return PaymentCaptured.newBuilder().setOrderId(orderId).setPaymentId("p").setAmount(capture.getAmount())
                        .setOperationId(capture.getOperationId()).build();
            }
            if (payload instanceof RefundPayment refund) {
                return PaymentRefunded.newBuilder().setOrderId(orderId).setPaymentId("p").setAmount(refund.getAmount())
                        .setOperationId(refund.getOperationId()).build();
            }
            throw new AssertionError("unexpected command " + payload);
        }

        private IncrementAuthorized authorized(AuthorizeIncrement authorize) {
            return IncrementAuthorized.newBuilder().setOrderId(orderId).setOperationId(authorize.getOperationId())
                    .setAmount(authorize.getAmount()).build();
        }
    }
}
