package dev.oms.order;

import static dev.oms.order.OrderServiceFixture.allocation;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import dev.oms.contracts.fulfillment.v1.CancelShipment;
import dev.oms.contracts.fulfillment.v1.CreateShipment;
import dev.oms.contracts.fulfillment.v1.ShipmentCancelRefused;
import dev.oms.contracts.fulfillment.v1.ShipmentCancelled;
import dev.oms.contracts.fulfillment.v1.ShipmentCreated;
import dev.oms.contracts.fulfillment.v1.ShipmentRejected;
import dev.oms.contracts.inventory.v1.CommitStock;
import dev.oms.contracts.inventory.v1.ReleaseStock;
import dev.oms.contracts.inventory.v1.ReserveStock;
import dev.oms.contracts.inventory.v1.StockCommitted;
import dev.oms.contracts.inventory.v1.StockReleased;
import dev.oms.contracts.inventory.v1.StockReserved;
import dev.oms.contracts.inventory.v1.StockUnavailable;
import dev.oms.contracts.notification.v1.NotificationSent;
import dev.oms.contracts.notification.v1.SendNotification;
import dev.oms.contracts.order.v1.SagaUpdated;
import dev.oms.contracts.payment.v1.AuthorizationVoided;
import dev.oms.contracts.payment.v1.AuthorizePayment;
import dev.oms.contracts.payment.v1.CapturePayment;
import dev.oms.contracts.payment.v1.PaymentAuthorized;
import dev.oms.contracts.payment.v1.PaymentCaptureFailed;
import dev.oms.contracts.payment.v1.PaymentCaptured;
import dev.oms.contracts.payment.v1.PaymentDeclined;
import dev.oms.contracts.payment.v1.PaymentRefunded;
import dev.oms.contracts.payment.v1.RefundPayment;
import dev.oms.contracts.payment.v1.VoidAuthorization;
import dev.oms.messaging.testing.OutboxReader;
import dev.oms.messaging.testing.OutboxReader.Emitted;
import dev.oms.order.api.CancelResult;
import dev.oms.order.api.OrderError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random participant behaviour (answer, refuse, never answer, answer twice, answer late; a warehouse that may refuse
 * to cancel a parcel that left) with a customer's cancellation at a random point, against the real order service.
 * Whatever happens: every saga ends, each cancellation is answered or refused with a typed code, a CANCELLED order
 * keeps no live shipment, no authorized or captured money and no held stock, and a shipment that lives on was paid.
 */
class CancellationPropertiesIT {
    private static OrderServiceFixture orders;

    enum Behaviour { OK, FAIL, NO_ANSWER, TWICE, LATE }

    @BeforeContainer
    static void start() {
        orders = new OrderServiceFixture("cancel-properties");
    }

    @AfterContainer
    static void stop() {
        orders.close();
    }

    @Provide
    Arbitrary<List<Behaviour>> plans() {
        return Arbitraries.of(Behaviour.class).list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 100)
    void aCancellationAtAnyPointLeavesTheOrderWholeOrCleanlyUndone(@ForAll("plans") List<Behaviour> plan,
                                                                   @ForAll @IntRange(min = 0, max = 8) int cancelAtRound) {
        OutboxReader.clear(orders.dataSource);
        Warehouse world = new Warehouse(plan.iterator());
        String orderId = orders.checkout();
        List<CancelResult> answers = new ArrayList<>();
        String key = UUID.randomUUID().toString();

        for (int round = 0; round < 400 && !(answers.size() > 0 && allEnded(orderId)); round++) {
            if (round >= cancelAtRound && answers.isEmpty()) {
                answers.add(orders.service.cancel(orderId, "changed my mind", key));
            }
            world.play(orderId);
        }
        answers.add(orders.service.cancel(orderId, "changed my mind", key)); // asked again: how it stands, or a new try
        for (int round = 0; round < 400 && !allEnded(orderId); round++) {
            world.play(orderId);
            retryGivenUpCompensations(orderId);
        }

        assertThat(allEnded(orderId)).as("every saga of the order ended").isTrue();
        assertThat(answers).allSatisfy(answer -> {
            if (answer.error() != null) {
                assertThat(answer.error().code()).isIn(OrderError.ORDER_ALREADY_SHIPPED, OrderError.ORDER_NOT_CANCELLABLE);
            }
        });
        String status = orders.statusChanges(orderId).isEmpty() ? "PENDING"
                : orders.statusChanges(orderId).get(orders.statusChanges(orderId).size() - 1);
        if (status.equals("CANCELLED") || status.equals("REJECTED")) {
            assertThat(world.shipmentLive).as("a live shipment for a " + status + " order").isFalse();
            assertThat(world.moneyHeld()).as("money left taken or authorized for a " + status + " order").isFalse();
            assertThat(world.stockHeld).as("stock left held for a " + status + " order").isFalse();
        } else {
            assertThat(status).isIn("FULFILLING", "SHIPPED", "DELIVERED");
            assertThat(answers).as("a cancellation of an order that went on was refused").anySatisfy(
                    answer -> assertThat(answer.error()).isNotNull());
        }
        if (world.shipmentLive) {
            assertThat(world.captured).as("a live shipment was paid for").isTrue();
        }
    }

    /**
     * What the runbook has an operator do when a compensation went unanswered past its retry budget (the saga waits in
     * COMPENSATION_FAILED with an alert): retry it. A plan of many NO_ANSWERs in a row gets there.
     */
    private static void retryGivenUpCompensations(String orderId) {
        Map<String, String> latest = new HashMap<>();
        orders.emitted(orderId, SagaUpdated.class).forEach(u -> latest.put(u.getSagaId(), u.getStatus()));
        latest.forEach((sagaId, status) -> {
            if (status.equals("COMPENSATION_FAILED")) {
                orders.service.retry(sagaId);
            }
        });
    }

    private static boolean allEnded(String orderId) {
        Map<String, String> latest = new HashMap<>();
        orders.emitted(orderId, SagaUpdated.class).forEach(u -> latest.put(u.getSagaId(), u.getStatus()));
        return latest.values().stream().allMatch(s -> s.equals("COMPLETED") || s.equals("COMPENSATED"));
    }

    /**
     * Simulated participants that remember what they did for the order. Each decides an outcome once per command and
     * keeps it (they are idempotent), except capture, which may fail now and succeed later. Only a parcel's
     * cancellation may be refused (it left); other compensations always succeed.
     */
    private static final class Warehouse {
        private final Iterator<Behaviour> plan;
        private final Map<Class<?>, Boolean> decided = new HashMap<>();
        private final List<Emitted> late = new ArrayList<>();
        private final List<Message> lateReplies = new ArrayList<>();
        private int seen;
        boolean shipmentLive;
        boolean captured;
        boolean authorized;
        /** Reserved or committed: what a cancelled order must have given back. */
        boolean stockHeld;

        Warehouse(Iterator<Behaviour> plan) {
            this.plan = plan;
        }

        boolean moneyHeld() {
            return captured || authorized;
        }

        /** One round: answer what the order service sent since the last round; if nothing, let time pass. */
        void play(String orderId) {
            List<Emitted> commands = newCommands(orderId);
            if (commands.isEmpty()) {
                orders.advance(Duration.ofSeconds(61));
                deliverLate(orderId);
            }
            commands.forEach(command -> answer(orderId, command));
        }

        private List<Emitted> newCommands(String orderId) {
            List<Emitted> all = OutboxReader.all(orders.dataSource).stream()
                    .filter(e -> orderId.equals(e.correlationId()))
                    .filter(e -> !e.payload().getDescriptorForType().getFullName().startsWith("oms.order")).toList();
            List<Emitted> fresh = new ArrayList<>(all.subList(seen, all.size()));
            seen = all.size();
            return fresh;
        }

        void answer(String orderId, Emitted command) {
            Behaviour behaviour = plan.hasNext() ? plan.next() : Behaviour.OK;
            Message reply = act(orderId, command.payload(), decide(command.payload(), behaviour));
            if (reply == null || behaviour == Behaviour.NO_ANSWER) {
                return;
            }
            if (behaviour == Behaviour.LATE) {
                late.add(command);
                lateReplies.add(reply);
                return;
            }
            orders.deliver(orderId, command.sagaId(), reply);
            if (behaviour == Behaviour.TWICE) {
                orders.deliver(orderId, command.sagaId(), reply);
            }
        }

        void deliverLate(String orderId) {
            for (int i = 0; i < late.size(); i++) {
                orders.deliver(orderId, late.get(i).sagaId(), lateReplies.get(i));
            }
            late.clear();
            lateReplies.clear();
        }

        private boolean decide(Message command, Behaviour behaviour) {
            boolean wants = behaviour != Behaviour.FAIL;
            if (command instanceof CapturePayment) {
                return wants;
            }
            return decided.computeIfAbsent(command.getClass(), c -> wants);
        }

        /** Does what the command asks (or refuses it) and says so. */
        private Message act(String orderId, Message command, boolean ok) {
            if (command instanceof ReserveStock) {
                stockHeld |= ok;
                return ok ? StockReserved.newBuilder().setOrderId(orderId).addAllocations(allocation()).build()
                        : StockUnavailable.newBuilder().setOrderId(orderId).setReason("short").build();
            }
            if (command instanceof AuthorizePayment) {
                authorized |= ok;
                return ok ? PaymentAuthorized.newBuilder().setOrderId(orderId).setPaymentId("p").build()
                        : PaymentDeclined.newBuilder().setOrderId(orderId).setCode("card_declined").build();
            }
            if (command instanceof CreateShipment) {
                shipmentLive |= ok;
                return ok ? ShipmentCreated.newBuilder().setOrderId(orderId).build()
                        : ShipmentRejected.newBuilder().setOrderId(orderId).setReason("no carrier").build();
            }
            if (command instanceof CancelShipment) {
                boolean cancellable = ok || !shipmentLive;
                shipmentLive &= !cancellable;
                return cancellable ? ShipmentCancelled.newBuilder().setOrderId(orderId).build()
                        : ShipmentCancelRefused.newBuilder().setOrderId(orderId).setReason("it left").build();
            }
            if (command instanceof CapturePayment) {
                if (ok && authorized) {
                    captured = true;
                    authorized = false;
                }
                return ok ? PaymentCaptured.newBuilder().setOrderId(orderId).build()
                        : PaymentCaptureFailed.newBuilder().setOrderId(orderId).setReason("busy").build();
            }
            if (command instanceof RefundPayment) {
                boolean wasCaptured = captured;
                captured = false;
                authorized = false;
                return wasCaptured ? PaymentRefunded.newBuilder().setOrderId(orderId).build()
                        : AuthorizationVoided.newBuilder().setOrderId(orderId).build();
            }
            if (command instanceof VoidAuthorization) {
                authorized = false;
                return AuthorizationVoided.newBuilder().setOrderId(orderId).build();
            }
            if (command instanceof CommitStock) {
                return StockCommitted.newBuilder().setOrderId(orderId).build();
            }
            if (command instanceof ReleaseStock) {
                stockHeld = false;
                return StockReleased.newBuilder().setOrderId(orderId).build();
            }
            if (command instanceof SendNotification) {
                return NotificationSent.newBuilder().setOrderId(orderId).build();
            }
            return null;
        }
    }
}
