package dev.oms.order;

import static dev.oms.order.OrderServiceFixture.STEP_TIMEOUT;
import static dev.oms.order.OrderServiceFixture.allocation;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import dev.oms.contracts.fulfillment.v1.CreateShipment;
import dev.oms.contracts.fulfillment.v1.ShipmentCreated;
import dev.oms.contracts.inventory.v1.ReleaseStock;
import dev.oms.contracts.inventory.v1.StockReleased;
import dev.oms.contracts.inventory.v1.StockReserved;
import dev.oms.contracts.payment.v1.AuthorizationVoided;
import dev.oms.contracts.payment.v1.AuthorizePayment;
import dev.oms.contracts.payment.v1.CapturePayment;
import dev.oms.contracts.payment.v1.PaymentAuthorized;
import dev.oms.contracts.payment.v1.PaymentCaptureFailed;
import dev.oms.contracts.payment.v1.PaymentCaptured;
import dev.oms.contracts.payment.v1.VoidAuthorization;
import dev.oms.order.api.OrderError;
import dev.oms.order.api.SagaActionResult;
import dev.oms.order.placeorder.PlaceOrderSaga;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the PlaceOrder saga does when participants are slow, fail, or never answer. */
class SagaFailureModesIT {
    private static OrderServiceFixture orders;

    private String orderId;
    private String sagaId;

    @BeforeAll
    static void startService() {
        orders = new OrderServiceFixture("failuremodes");
    }

    @AfterAll
    static void stop() {
        orders.close();
    }

    @BeforeEach
    void placeOrder() {
        orderId = orders.checkout();
        sagaId = orders.saga(orderId, PlaceOrderSaga.NAME).getSagaId();
        reply(StockReserved.newBuilder().setOrderId(orderId).addAllocations(allocation()).build());
    }

    @Test
    void anUnansweredAuthorizationIsUndoneIncludingTheStepThatTimedOut() {
        orders.advance(STEP_TIMEOUT.plusSeconds(1));

        assertThat(status()).isEqualTo("COMPENSATING");
        assertThat(stepStatus(1)).isEqualTo("COMPENSATING");
        orders.expect(orderId, VoidAuthorization.class);
        reply(AuthorizationVoided.newBuilder().setOrderId(orderId).build());
        orders.expect(orderId, ReleaseStock.class);
        reply(StockReleased.newBuilder().setOrderId(orderId).build());

        assertThat(status()).isEqualTo("COMPENSATED");
        assertThat(orders.statusChanges(orderId)).containsExactly("REJECTED");
    }

    @Test
    void aLateAuthorizationAfterTheTimeoutChangesNothing() {
        orders.advance(STEP_TIMEOUT.plusSeconds(1));

        reply(PaymentAuthorized.newBuilder().setOrderId(orderId).setPaymentId("late").build());

        assertThat(orders.emitted(orderId, CreateShipment.class)).isEmpty();
        assertThat(status()).isEqualTo("COMPENSATING");
        assertThat(orders.statusChanges(orderId)).doesNotContain("CONFIRMED");
    }

    @Test
    void aFailedCaptureIsRetriedAfterABackoffUntilItSucceeds() {
        reachCapture();
        int sent = orders.emitted(orderId, CapturePayment.class).size();

        reply(PaymentCaptureFailed.newBuilder().setOrderId(orderId).setReason("provider busy").build());
        assertThat(orders.emitted(orderId, CapturePayment.class)).hasSize(sent);
        orders.advance(Duration.ofSeconds(2));
        assertThat(orders.emitted(orderId, CapturePayment.class)).hasSize(sent + 1);
        reply(PaymentCaptured.newBuilder().setOrderId(orderId).build());

        assertThat(status()).isEqualTo("RUNNING");
        assertThat(stepStatus(4)).isEqualTo("SUCCEEDED");
        assertThat(orders.saga(orderId, PlaceOrderSaga.NAME).getSteps(4).getAttempts()).isEqualTo(2);
    }

    @Test
    void aCaptureThatNeverAnswersIsSentAgainAndNeverCompensated() {
        reachCapture();

        for (int i = 0; i < 12; i++) {
            orders.advance(Duration.ofSeconds(61));
        }

        assertThat(status()).isEqualTo("RUNNING");
        assertThat(orders.emitted(orderId, CapturePayment.class).size()).isGreaterThan(3);
        assertThat(orders.emitted(orderId, VoidAuthorization.class)).isEmpty();
    }

    @Test
    void aCaptureThatSucceedsAfterItsRetryBudgetWasSpentNoLongerAsksForAnOperator() {
        reachCapture();
        for (int i = 0; i < 20; i++) { // a timeout, then a retry, ten times over
            orders.advance(Duration.ofSeconds(61));
        }
        assertThat(alert()).contains("retry budget");

        reply(PaymentCaptured.newBuilder().setOrderId(orderId).build());

        assertThat(stepStatus(4)).isEqualTo("SUCCEEDED");
        assertThat(alert()).isNull();
    }

    @Test
    void anUnansweredCompensationEndsCompensationFailedUntilAnOperatorRetriesIt() {
        orders.advance(STEP_TIMEOUT.plusSeconds(1));
        for (int i = 0; i < 10; i++) {
            orders.advance(Duration.ofSeconds(40));
        }
        assertThat(status()).isEqualTo("COMPENSATION_FAILED");
        int voids = orders.emitted(orderId, VoidAuthorization.class).size();
        assertThat(voids).isEqualTo(5);

        SagaActionResult retried = orders.service.retry(sagaId);

        assertThat(retried.status()).isEqualTo("COMPENSATING");
        assertThat(orders.emitted(orderId, VoidAuthorization.class)).hasSize(voids + 1);
        reply(AuthorizationVoided.newBuilder().setOrderId(orderId).build());
        reply(StockReleased.newBuilder().setOrderId(orderId).build());
        assertThat(status()).isEqualTo("COMPENSATED");
    }

    @Test
    void anOperatorCanCompensateARunningSagaBeforeItsPivotButNotAfter() {
        SagaActionResult compensated = orders.service.compensate(sagaId);

        assertThat(compensated.status()).isEqualTo("COMPENSATING");
        orders.expect(orderId, VoidAuthorization.class);

        String other = orders.checkout();
        String otherSaga = orders.saga(other, PlaceOrderSaga.NAME).getSagaId();
        orders.deliver(other, otherSaga, StockReserved.newBuilder().setOrderId(other).addAllocations(allocation()).build());
        orders.deliver(other, otherSaga, PaymentAuthorized.newBuilder().setOrderId(other).setPaymentId("p").build());
        orders.deliver(other, otherSaga, ShipmentCreated.newBuilder().setOrderId(other).build());
        assertThat(orders.service.compensate(otherSaga).error().code()).isEqualTo(OrderError.SAGA_NOT_ACTIONABLE);
        assertThat(orders.service.retry("no-such-saga").error().code()).isEqualTo(OrderError.SAGA_NOT_FOUND);
    }

    private void reachCapture() {
        reply(PaymentAuthorized.newBuilder().setOrderId(orderId).setPaymentId("p-1").build());
        reply(ShipmentCreated.newBuilder().setOrderId(orderId).build());
        orders.expect(orderId, CapturePayment.class);
    }

    private void reply(Message reply) {
        orders.deliver(orderId, sagaId, reply);
    }

    private String alert() {
        try (var c = orders.dataSource.getConnection();
             var select = c.prepareStatement("SELECT alert FROM saga_instance WHERE saga_id = ?")) {
            select.setString(1, sagaId);
            try (var row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String status() {
        return orders.saga(orderId, PlaceOrderSaga.NAME).getStatus();
    }

    private String stepStatus(int index) {
        return orders.saga(orderId, PlaceOrderSaga.NAME).getSteps(index).getStatus();
    }
}
