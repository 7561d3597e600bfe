package dev.oms.saga;

import static dev.oms.contracts.Channels.FULFILLMENT_COMMANDS;
import static dev.oms.contracts.Channels.INVENTORY_COMMANDS;
import static dev.oms.contracts.Channels.PAYMENT_COMMANDS;
import static dev.oms.saga.ShopSaga.ORDER;
import static dev.oms.saga.ShopSaga.TIMEOUT;

import dev.oms.contracts.payment.v1.PaymentCaptureFailed;
import dev.oms.saga.SagaFailure.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What a saga does when an answer does not come: before the pivot the step is undone as if it happened; from the pivot
 * on it is sent again with backoff for ever, an operator alerted once its budget is spent; a compensation is sent again
 * within its own budget and then waits for an operator. Backoffs are shortened at random by up to a fifth, so a wait
 * of the full backoff always lets the retry fire and one of under four fifths never does.
 */
class TimeoutsAndRetriesTest {
    private final ShopSaga shop = new ShopSaga();

    private SagaScript<String> waitingForTheShipment() {
        return SagaScript.given(shop.definition()).start(ORDER, ORDER)
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.reserve(ORDER))
                .reply(ShopSaga.reserved())
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.authorize(ORDER))
                .reply(ShopSaga.authorized())
                .expectCommand(FULFILLMENT_COMMANDS, ShopSaga.ship(ORDER));
    }

    private SagaScript<String> capturing() {
        return waitingForTheShipment()
                .reply(ShopSaga.shipmentCreated())
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.capture(ORDER));
    }

    @Test
    void aStepBeforeThePivotThatDoesNotAnswerIsUndoneAsIfItHappened() {
        SagaScript.given(shop.definition()).start(ORDER, ORDER)
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.reserve(ORDER))
                .elapse(TIMEOUT.minusMillis(1))
                .expectIgnored()
                .elapse(Duration.ofMillis(1))
                .expectStep("reserve_stock", StepStatus.COMPENSATING)
                .expectStatus(SagaStatus.COMPENSATING)
                .expectFailure(Kind.STEP_TIMED_OUT, "reserve_stock: timed out")
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .reply(ShopSaga.released())
                .expectStatus(SagaStatus.COMPENSATED)
                .expectStep("reserve_stock", StepStatus.COMPENSATED)
                .expectNoCommand();
    }

    @Test
    void thePivotIsSentAgainWithBackoffAndAnOperatorIsAlertedOnceItsBudgetIsSpent() {
        SagaScript<String> saga = waitingForTheShipment();
        for (int attempt = 1; attempt < 10; attempt++) {
            saga.elapse(TIMEOUT)
                    .expectStep("create_shipment", StepStatus.RUNNING)
                    .expectNoCommand()
                    .expectNoAlert()
                    .elapse(Duration.ofSeconds(60))
                    .expectCommand(FULFILLMENT_COMMANDS, ShopSaga.ship(ORDER))
                    .expectWaitAttempts(attempt + 1);
        }
        saga.elapse(TIMEOUT)
                .expectAlert("create_shipment: retry budget of 10 attempts spent")
                .elapse(Duration.ofSeconds(60))
                .expectCommand(FULFILLMENT_COMMANDS, ShopSaga.ship(ORDER))
                .expectStatus(SagaStatus.RUNNING)
                .reply(ShopSaga.shipmentCreated())
                .expectNoAlert()
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.capture(ORDER));
    }

    @Test
    void aRefusedCaptureIsRetriedWithBackoffAlertsWhenItsBudgetIsSpentAndClearsWhenItSucceeds() {
        PaymentCaptureFailed busy = PaymentCaptureFailed.newBuilder().setOrderId(ORDER).setReason("busy").build();
        capturing()
                .reply(busy)
                .expectStatus(SagaStatus.RUNNING)
                .expectStep("capture_payment", StepStatus.RUNNING)
                .expectNoAlert()
                .elapse(Duration.ofMillis(700))
                .expectNoCommand()
                .elapse(Duration.ofMillis(300))
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.capture(ORDER))
                .reply(busy)
                .expectAlert("capture_payment: retry budget of 2 attempts spent")
                .elapse(Duration.ofSeconds(2))
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.capture(ORDER))
                .expectWaitAttempts(3)
                .reply(ShopSaga.captured())
                .expectStatus(SagaStatus.COMPLETED)
                .expectNoAlert();
    }

    @Test
    void aRetriableStepThatDoesNotAnswerIsSentAgain() {
        capturing()
                .elapse(TIMEOUT)
                .expectNoCommand()
                .elapse(Duration.ofSeconds(1))
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.capture(ORDER))
                .expectStep("capture_payment", StepStatus.RUNNING)
                .reply(ShopSaga.captured())
                .expectStatus(SagaStatus.COMPLETED);
    }

    @Test
    void anUnansweredCompensationIsSentAgainThenWaitsForAnOperatorAndALateAnswerStillClosesIt() {
        SagaScript<String> saga = waitingForTheShipment()
                .reply(ShopSaga.shipmentRejected())
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER));
        for (int attempt = 2; attempt <= 3; attempt++) {
            saga.elapse(TIMEOUT).expectNoCommand()
                    .elapse(Duration.ofSeconds(4))
                    .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER))
                    .expectWaitAttempts(attempt);
        }
        saga.elapse(TIMEOUT)
                .expectStatus(SagaStatus.COMPENSATION_FAILED)
                .expectAlert("compensation of authorize_payment unanswered after 3 attempts")
                .elapse(Duration.ofMinutes(10))
                .expectIgnored()
                .reply(ShopSaga.voided())
                .expectStatus(SagaStatus.COMPENSATING)
                .expectNoAlert()
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .reply(ShopSaga.released())
                .expectStatus(SagaStatus.COMPENSATED);
    }
}
