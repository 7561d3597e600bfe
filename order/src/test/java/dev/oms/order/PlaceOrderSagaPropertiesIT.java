package dev.oms.order;

import static dev.oms.order.OrderServiceFixture.allocation;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import dev.oms.contracts.fulfillment.v1.CreateShipment;
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
import dev.oms.contracts.payment.v1.AuthorizationVoided;
import dev.oms.contracts.payment.v1.AuthorizePayment;
import dev.oms.contracts.payment.v1.CapturePayment;
import dev.oms.contracts.payment.v1.PaymentAuthorized;
import dev.oms.contracts.payment.v1.PaymentCaptureFailed;
import dev.oms.contracts.payment.v1.PaymentCaptured;
import dev.oms.contracts.payment.v1.PaymentDeclined;
import dev.oms.contracts.payment.v1.VoidAuthorization;
import dev.oms.messaging.testing.OutboxReader;
import dev.oms.order.placeorder.PlaceOrderSaga;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random interleavings of what participants do — answer, refuse, never answer, answer twice, answer late —
 * against the real order service: every PlaceOrder saga still ends COMPLETED or COMPENSATED, a completed one
 * never undid anything, and an undone one never captured money and undid everything that may have happened.
 */
class PlaceOrderSagaPropertiesIT {
    private static OrderServiceFixture orders;

    enum Behaviour { OK, FAIL, NO_ANSWER, TWICE, LATE }

    @BeforeContainer
    static void start() {
        orders = new OrderServiceFixture("properties");
    }

    @AfterContainer
    static void stop() {
        orders.close();
    }

    @Provide
    Arbitrary<List<Behaviour>> plans() {
        return Arbitraries.of(Behaviour.class).list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 60)
    void everySagaEndsCompletedOrCleanlyUndone(@ForAll("plans") List<Behaviour> plan) {
        OutboxReader.clear(orders.dataSource);
        Participants participants = new Participants(plan.iterator());
        String orderId = orders.checkout();
        String sagaId = orders.saga(orderId, PlaceOrderSaga.NAME).getSagaId();

        for (int round = 0; round < 300 && !ended(orderId); round++) {
            List<Message> commands = participants.newCommands(orderId);
            if (commands.isEmpty()) {
                orders.advance(Duration.ofSeconds(61));
                participants.deliverLate(orderId, sagaId);
            }
            for (Message command : commands) {
                participants.answer(orderId, sagaId, command);
            }
        }

        String status = orders.saga(orderId, PlaceOrderSaga.NAME).getStatus();
        assertThat(status).isIn("COMPLETED", "COMPENSATED");
        if (status.equals("COMPLETED")) {
            assertThat(orders.emitted(orderId, ReleaseStock.class)).isEmpty();
            assertThat(orders.emitted(orderId, VoidAuthorization.class)).isEmpty();
            assertThat(orders.statusChanges(orderId)).contains("FULFILLING").doesNotContain("REJECTED", "CANCELLED");
        } else {
            assertThat(orders.emitted(orderId, CapturePayment.class)).isEmpty();
            assertThat(participants.answeredOk(CreateShipment.class)).isFalse();
            if (participants.answeredOk(ReserveStock.class)) {
                assertThat(orders.emitted(orderId, ReleaseStock.class)).isNotEmpty();
            }
            if (participants.answeredOk(AuthorizePayment.class)) {
                assertThat(orders.emitted(orderId, VoidAuthorization.class)).isNotEmpty();
            }
            assertThat(orders.statusChanges(orderId)).last().isIn("REJECTED", "CANCELLED");
        }
    }

    private static boolean ended(String orderId) {
        String status = orders.saga(orderId, PlaceOrderSaga.NAME).getStatus();
        return status.equals("COMPLETED") || status.equals("COMPENSATED");
    }

    /**
     * Simulated participants. A participant that decided an outcome for an order keeps it (they are
     * idempotent), except capture, which may fail now and succeed later. Compensations are never refused.
     */
    private static final class Participants {
        private final Iterator<Behaviour> plan;
        private final Map<Class<?>, Boolean> decided = new HashMap<>();
        private final List<Message> late = new ArrayList<>();
        private final Map<Class<?>, Boolean> okSent = new HashMap<>();
        private int seen;

        Participants(Iterator<Behaviour> plan) {
            this.plan = plan;
        }

        List<Message> newCommands(String orderId) {
            List<Message> all = orders.emitted(orderId, Message.class).stream()
                    .filter(m -> m.getDescriptorForType().getFullName().contains("v1.")
                            && !m.getDescriptorForType().getFullName().startsWith("oms.order")).toList();
            List<Message> fresh = new ArrayList<>(all.subList(seen, all.size()));
            seen = all.size();
            return fresh;
        }

        void answer(String orderId, String sagaId, Message command) {
            Behaviour behaviour = plan.hasNext() ? plan.next() : Behaviour.OK;
            boolean ok = decide(command, behaviour);
            Message reply = reply(orderId, command, ok);
            if (reply == null || behaviour == Behaviour.NO_ANSWER) {
                return;
            }
            if (ok) {
                okSent.put(command.getClass(), true);
            }
            if (behaviour == Behaviour.LATE) {
                late.add(reply);
                return;
            }
            orders.deliver(orderId, sagaId, reply);
            if (behaviour == Behaviour.TWICE) {
                orders.deliver(orderId, sagaId, reply);
            }
        }

        void deliverLate(String orderId, String sagaId) {
            List<Message> due = new ArrayList<>(late);
            late.clear();
            due.forEach(reply -> orders.deliver(orderId, sagaId, reply));
        }

        boolean answeredOk(Class<? extends Message> command) {
            return okSent.getOrDefault(command, false);
        }

        private boolean decide(Message command, Behaviour behaviour) {
            boolean wants = behaviour != Behaviour.FAIL;
            if (command instanceof CapturePayment) {
                return wants;
            }
            return decided.computeIfAbsent(command.getClass(), c -> wants);
        }

        private static Message reply(String orderId, Message command, boolean ok) {
            if (command instanceof ReserveStock) {
                return ok ? StockReserved.newBuilder().setOrderId(orderId).addAllocations(allocation()).build()
                        : StockUnavailable.newBuilder().setOrderId(orderId).setReason("short").build();
            }
            if (command instanceof AuthorizePayment) {
                return ok ? PaymentAuthorized.newBuilder().setOrderId(orderId).setPaymentId("p").build()
                        : PaymentDeclined.newBuilder().setOrderId(orderId).setCode("card_declined").build();
            }
            if (command instanceof CreateShipment) {
                return ok ? ShipmentCreated.newBuilder().setOrderId(orderId).build()
                        : ShipmentRejected.newBuilder().setOrderId(orderId).setReason("no carrier").build();
            }
            if (command instanceof CapturePayment) {
                return ok ? PaymentCaptured.newBuilder().setOrderId(orderId).build()
                        : PaymentCaptureFailed.newBuilder().setOrderId(orderId).setReason("busy").build();
            }
            if (command instanceof CommitStock) {
                return StockCommitted.newBuilder().setOrderId(orderId).build();
            }
            if (command instanceof SendNotification) {
                return NotificationSent.newBuilder().setOrderId(orderId).build();
            }
            if (command instanceof ReleaseStock) {
                return StockReleased.newBuilder().setOrderId(orderId).build();
            }
            if (command instanceof VoidAuthorization) {
                return AuthorizationVoided.newBuilder().setOrderId(orderId).build();
            }
            return null;
        }
    }
}
