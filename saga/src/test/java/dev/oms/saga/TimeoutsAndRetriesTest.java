package dev.oms.saga;

import static dev.oms.contracts.Channels.FULFILLMENT_COMMANDS;
import static dev.oms.contracts.Channels.INVENTORY_COMMANDS;
import static dev.oms.contracts.Channels.PAYMENT_COMMANDS;
import static dev.oms.saga.ShopSaga.ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oms.saga.SagaFailure.Kind;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A step that does not answer in time: before the pivot it is sent again within its budget, then counted as timed out
 * and undone like a success; from the pivot on it is sent again with backoff for as long as it takes, with an alert
 * once its budget is spent; a retriable step's failure reply is retried the same way. Backoffs are shortened at
 * random by up to 20%: a resend is expected after the full backoff, and none after 70% of it.
 */
class TimeoutsAndRetriesTest {
    private final ShopSaga shop = new ShopSaga();
    private final RecordedMetrics metrics = new RecordedMetrics();

    @AfterEach
    void closeMetrics() {
        metrics.close();
    }

    @Test
    void aStepIsNotTimedOutBeforeItsTimeout() {
        shop.started()
                .elapse(ShopSaga.TIMEOUT.minusMillis(1))
                .expectIgnored()
                .expectStatus(SagaStatus.RUNNING)
                .expectStep("reserve_stock", StepStatus.RUNNING, 1, null);
    }

    @Test
    void releasesAReservationThatTimedOutItsOnlyAttempt() {
        shop.started()
                .elapse(ShopSaga.TIMEOUT)
                .expectStatus(SagaStatus.COMPENSATING)
                .expectFailure(Kind.STEP_TIMED_OUT, "reserve_stock: timed out")
                // it may have happened: the timed-out step is undone itself
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .expectNoCommand()
                .expectStep("reserve_stock", StepStatus.COMPENSATING, 1, "timed out")
                .expectTimeoutIn(ShopSaga.TIMEOUT)
                .reply(ShopSaga.released())
                .expectStatus(SagaStatus.COMPENSATED)
                .expectStep("reserve_stock", StepStatus.COMPENSATED, 1, "timed out")
                .expectFailure(Kind.STEP_TIMED_OUT, "reserve_stock: timed out")
                .expectNoCommand()
                .expectNoAlert();

        assertThat(shop.log).containsExactly("compensated (STEP_TIMED_OUT)");
    }

    @Test
    void resendsAnUnansweredAuthorizationWithinItsBudget() {
        shop.waitingForAuthorization()
                .elapse(ShopSaga.TIMEOUT)
                .expectNoCommand()
                .expectStatus(SagaStatus.RUNNING)
                .expectStep("authorize_payment", StepStatus.RUNNING, 1, "timed out")
                .expectRetryWithin(ShopSaga.AUTHORIZE_BACKOFF)
                .elapse(ShopSaga.AUTHORIZE_BACKOFF.multipliedBy(7).dividedBy(10))
                .expectIgnored()
                .elapse(ShopSaga.AUTHORIZE_BACKOFF.multipliedBy(3).dividedBy(10))
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.authorize(ORDER))
                .expectNoCommand()
                .expectStep("authorize_payment", StepStatus.RUNNING, 2, "timed out")
                .expectWaitAttempts(2)
                .expectTimeoutIn(ShopSaga.TIMEOUT)
                .expectNoAlert()
                .reply(ShopSaga.authorized())
                .expectStep("authorize_payment", StepStatus.SUCCEEDED, 2, null)
                .expectCommand(FULFILLMENT_COMMANDS, ShopSaga.ship(ORDER));

        assertThat(metrics.retries("Shop", "authorize_payment")).isEqualTo(1);
    }

    @Test
    void voidsThenReleasesWhenTheAuthorizationStaysUnansweredPastItsBudget() {
        shop.waitingForAuthorization()
                .elapse(ShopSaga.TIMEOUT)
                .elapse(ShopSaga.AUTHORIZE_BACKOFF)
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.authorize(ORDER))
                .elapse(ShopSaga.TIMEOUT)
                .expectStatus(SagaStatus.COMPENSATING)
                .expectFailure(Kind.STEP_TIMED_OUT, "authorize_payment: timed out")
                .expectStep("authorize_payment", StepStatus.COMPENSATING, 2, "timed out")
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER))
                .expectNoCommand()
                .expectNoAlert()
                .reply(ShopSaga.voided())
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .reply(ShopSaga.released())
                .expectStatus(SagaStatus.COMPENSATED)
                .expectStep("authorize_payment", StepStatus.COMPENSATED)
                .expectStep("reserve_stock", StepStatus.COMPENSATED)
                .expectNoCommand();

        assertThat(shop.log).containsExactly("compensated (STEP_TIMED_OUT)");
    }

    @Test
    void resendsAnUnansweredShipmentWithGrowingBackoffForEverAndAlertsOnceItsBudgetIsSpent() {
        SagaScript<String> saga = shop.waitingForShipment();

        for (int attempt = 1; attempt <= 12; attempt++) {
            Duration backoff = ShopSaga.SHIPMENT_BACKOFF.multipliedBy(1L << (attempt - 1));
            backoff = backoff.compareTo(Duration.ofSeconds(60)) > 0 ? Duration.ofSeconds(60) : backoff;
            saga.elapse(ShopSaga.TIMEOUT)
                    .expectNoCommand()
                    .expectStatus(SagaStatus.RUNNING)
                    .expectStep("create_shipment", StepStatus.RUNNING, attempt, "timed out")
                    .expectRetryWithin(backoff);
            if (attempt < 10) {
                saga.expectNoAlert();
            } else {
                saga.expectAlert("create_shipment: retry budget of 10 attempts spent");
            }
            saga.elapse(backoff.multipliedBy(7).dividedBy(10))
                    .expectIgnored()
                    .elapse(backoff.minus(backoff.multipliedBy(7).dividedBy(10)))
                    .expectCommand(FULFILLMENT_COMMANDS, ShopSaga.ship(ORDER))
                    .expectNoCommand()
                    .expectWaitAttempts(attempt + 1)
                    .expectTimeoutIn(ShopSaga.TIMEOUT);
        }
        assertThat(metrics.alerts("Shop", "create_shipment", "retry_budget_spent")).as("alerts raised").isEqualTo(1);

        saga.reply(ShopSaga.shipmentCreated())
                .expectNoAlert()
                .expectStep("create_shipment", StepStatus.SUCCEEDED, 13, null)
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.capture(ORDER));
    }

    @Test
    void retriesAFailedCaptureWithBackoffAlertsOnceItsBudgetIsSpentAndClearsTheAlertOnSuccess() {
        SagaScript<String> saga = shop.waitingForCapture()
                .reply(ShopSaga.captureFailed())
                .expectNoCommand()
                .expectStatus(SagaStatus.RUNNING)
                .expectStep("capture_payment", StepStatus.RUNNING, 1, "capture failed: provider timeout")
                .expectRetryWithin(ShopSaga.CAPTURE_BACKOFF)
                .expectNoAlert()
                .elapse(ShopSaga.CAPTURE_BACKOFF.multipliedBy(7).dividedBy(10))
                .expectIgnored()
                .elapse(ShopSaga.CAPTURE_BACKOFF.multipliedBy(3).dividedBy(10))
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.capture(ORDER))
                .expectTimeoutIn(ShopSaga.TIMEOUT)
                .reply(ShopSaga.captureFailed())
                .expectNoCommand()
                .expectAlert("capture_payment: retry budget of 2 attempts spent")
                .expectRetryWithin(Duration.ofSeconds(2))
                .elapse(Duration.ofMillis(1400))
                .expectIgnored()
                .elapse(Duration.ofMillis(600))
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.capture(ORDER))
                .reply(ShopSaga.captureFailed())
                .expectRetryWithin(Duration.ofSeconds(2))
                .elapse(Duration.ofSeconds(2))
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.capture(ORDER))
                .expectStatus(SagaStatus.RUNNING)
                .expectStep("capture_payment", StepStatus.RUNNING, 4, "capture failed: provider timeout");

        assertThat(metrics.alerts("Shop", "capture_payment", "retry_budget_spent")).as("alerts raised").isEqualTo(1);
        assertThat(metrics.retries("Shop", "capture_payment")).isEqualTo(3);

        saga.reply(ShopSaga.captured())
                .expectStatus(SagaStatus.COMPLETED)
                .expectStep("capture_payment", StepStatus.SUCCEEDED, 4, null)
                .expectNoAlert()
                .expectNoCommand()
                .expectNoDeadline();
        assertThat(shop.log).containsExactly("confirmed", "completed");
    }

    @Test
    void resendsAnUnansweredCaptureForEverAndNeverCompensates() {
        SagaScript<String> saga = shop.waitingForCapture()
                .elapse(ShopSaga.TIMEOUT)
                .expectStep("capture_payment", StepStatus.RUNNING, 1, "timed out")
                .expectRetryWithin(ShopSaga.CAPTURE_BACKOFF)
                .expectNoAlert()
                .elapse(ShopSaga.CAPTURE_BACKOFF)
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.capture(ORDER))
                .elapse(ShopSaga.TIMEOUT)
                .expectAlert("capture_payment: retry budget of 2 attempts spent")
                .expectRetryWithin(Duration.ofSeconds(2));
        for (int attempt = 3; attempt <= 6; attempt++) {
            saga.elapse(Duration.ofSeconds(2))
                    .expectCommand(PAYMENT_COMMANDS, ShopSaga.capture(ORDER))
                    .expectNoCommand()
                    .elapse(ShopSaga.TIMEOUT)
                    .expectStatus(SagaStatus.RUNNING)
                    .expectStep("capture_payment", StepStatus.RUNNING, attempt, "timed out")
                    .expectRetryWithin(Duration.ofSeconds(2));
        }
        assertThat(metrics.alerts("Shop", "capture_payment", "retry_budget_spent")).isEqualTo(1);

        saga.reply(ShopSaga.captured())
                .expectStatus(SagaStatus.COMPLETED)
                .expectNoAlert()
                .expectNoCommand();
    }

    @Test
    void retriesALocalStepAfterThePivotThatFailsInsteadOfUndoingThePivotAndTheStepsBeforeIt() {
        OtherSagas sagas = new OtherSagas();
        sagas.recordFailures = 2;

        SagaScript.given(sagas.pivotWithoutUndo())
                .start(ORDER, ORDER)
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.reserve(ORDER))
                .reply(ShopSaga.reserved())
                .expectCommand(FULFILLMENT_COMMANDS, ShopSaga.ship(ORDER))
                .reply(ShopSaga.shipmentCreated())
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.capture(ORDER))
                .reply(ShopSaga.captured())
                .expectNoCommand()
                .expectStatus(SagaStatus.RUNNING)
                .expectStep("reserve_stock", StepStatus.SUCCEEDED)
                .expectStep("record_sale", StepStatus.RUNNING, 1, "ledger locked")
                .expectRetryWithin(OtherSagas.RETRY_BACKOFF)
                .expectNoAlert()
                .elapse(OtherSagas.RETRY_BACKOFF.multipliedBy(7).dividedBy(10))
                .expectIgnored()
                .elapse(OtherSagas.RETRY_BACKOFF.multipliedBy(3).dividedBy(10))
                .expectNoCommand()
                .expectStep("record_sale", StepStatus.RUNNING, 2, "ledger locked")
                .expectAlert("record_sale: retry budget of 2 attempts spent")
                .expectRetryWithin(Duration.ofSeconds(2))
                .elapse(Duration.ofSeconds(2))
                .expectStatus(SagaStatus.COMPLETED)
                .expectStep("record_sale", StepStatus.SUCCEEDED, 3, null)
                .expectStep("reserve_stock", StepStatus.SUCCEEDED)
                .expectNoAlert()
                .expectNoDeadline()
                .expectNoCommand();

        assertThat(sagas.log).containsExactly("not recorded", "not recorded", "recorded", "completed");
    }
}
