package dev.oms.saga;

import static dev.oms.contracts.Channels.INVENTORY_COMMANDS;
import static dev.oms.contracts.Channels.PAYMENT_COMMANDS;
import static dev.oms.saga.ShopSaga.ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oms.saga.SagaFailure.Kind;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The way back: one undo at a time, each waiting for its participant's answer, local undos run at once and told why;
 * an unanswered compensation is sent again within the compensation budget (3 attempts, 1 s then 2 s apart), after
 * which the saga is COMPENSATION_FAILED with an alert until an answer or an operator moves it again.
 */
class CompensationTest {
    private final ShopSaga shop = new ShopSaga();
    private final RecordedMetrics metrics = new RecordedMetrics();

    @AfterEach
    void closeMetrics() {
        metrics.close();
    }

    /** The shipment rejected: the order unconfirmed, the void sent, the release not yet. */
    private SagaScript<String> voidingThePayment() {
        return shop.waitingForShipment()
                .reply(ShopSaga.shipmentRejected())
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER))
                .expectNoCommand();
    }

    /** The void sent three times and never answered. */
    private SagaScript<String> givenUpOnTheVoid() {
        return voidingThePayment()
                .elapse(ShopSaga.TIMEOUT)
                .elapse(ShopSaga.COMPENSATION_BACKOFF)
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER))
                .elapse(ShopSaga.TIMEOUT)
                .elapse(Duration.ofSeconds(2))
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER))
                .elapse(ShopSaga.TIMEOUT)
                .expectStatus(SagaStatus.COMPENSATION_FAILED);
    }

    @Test
    void waitsForEachUndoToBeAnsweredBeforeTheNext() {
        voidingThePayment()
                .expectStatus(SagaStatus.COMPENSATING)
                .expectStep("authorize_payment", StepStatus.COMPENSATING)
                .expectStep("reserve_stock", StepStatus.SUCCEEDED)
                .expectTimeoutIn(ShopSaga.TIMEOUT)
                .reply(ShopSaga.released())
                .expectIgnored()
                .expectStep("reserve_stock", StepStatus.SUCCEEDED)
                .reply(ShopSaga.voided())
                .expectStep("authorize_payment", StepStatus.COMPENSATED)
                .expectStep("reserve_stock", StepStatus.COMPENSATING)
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .expectNoCommand()
                .expectTimeoutIn(ShopSaga.TIMEOUT);
    }

    @Test
    void theLastUndoEndsTheSagaCompensatedAndTellsTheHookOnce() {
        SagaScript<String> saga = voidingThePayment()
                .reply(ShopSaga.voided())
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .reply(ShopSaga.released())
                .expectStatus(SagaStatus.COMPENSATED)
                .expectFailure(Kind.STEP_FAILED, "create_shipment: rejected: no carrier")
                .expectNoDeadline()
                .expectNoCommand();
        assertThat(saga.saga().currentStep()).isZero();

        saga.reply(ShopSaga.released())
                .expectIgnored()
                .elapse(Duration.ofDays(1))
                .expectIgnored();
        assertThat(shop.log).containsExactly("confirmed", "unconfirmed (STEP_FAILED)", "compensated (STEP_FAILED)");
    }

    @Test
    void aLocalUndoIsToldWhyTheSagaCompensates() {
        OtherSagas sagas = new OtherSagas();

        SagaScript.given(sagas.pivotless())
                .start(ORDER, ORDER)
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.reserve(ORDER))
                .elapse(OtherSagas.TIMEOUT)
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .expectStep("confirm_order", StepStatus.SUCCEEDED)
                .reply(ShopSaga.released())
                .expectStep("confirm_order", StepStatus.COMPENSATED)
                .expectStatus(SagaStatus.COMPENSATED)
                .expectNoCommand();

        assertThat(sagas.log).containsExactly("confirmed", "unconfirmed (STEP_TIMED_OUT)", "compensated (STEP_TIMED_OUT)");
    }

    @Test
    void resendsAnUnansweredCompensationWithBackoffWithinItsBudget() {
        voidingThePayment()
                .elapse(ShopSaga.TIMEOUT)
                .expectNoCommand()
                .expectStatus(SagaStatus.COMPENSATING)
                .expectRetryWithin(ShopSaga.COMPENSATION_BACKOFF)
                .expectNoAlert()
                .elapse(ShopSaga.COMPENSATION_BACKOFF.multipliedBy(7).dividedBy(10))
                .expectIgnored()
                .elapse(ShopSaga.COMPENSATION_BACKOFF.multipliedBy(3).dividedBy(10))
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER))
                .expectNoCommand()
                .expectWaitAttempts(2)
                .expectTimeoutIn(ShopSaga.TIMEOUT)
                .elapse(ShopSaga.TIMEOUT)
                .expectRetryWithin(Duration.ofSeconds(2))
                .elapse(Duration.ofMillis(1400))
                .expectIgnored()
                .elapse(Duration.ofMillis(600))
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER))
                .expectWaitAttempts(3)
                .expectStatus(SagaStatus.COMPENSATING)
                .expectNoAlert();

        assertThat(metrics.retries("Shop", "authorize_payment.compensation")).isEqualTo(2);
    }

    @Test
    void aCompensationUnansweredPastItsBudgetFailsTheSagaWithAnAlertAndNoMoreTimers() {
        SagaScript<String> saga = givenUpOnTheVoid()
                .expectNoCommand()
                .expectAlert("compensation of authorize_payment unanswered after 3 attempts")
                .expectStep("authorize_payment", StepStatus.COMPENSATING)
                .expectStep("reserve_stock", StepStatus.SUCCEEDED)
                .expectFailure(Kind.STEP_FAILED, "create_shipment: rejected: no carrier")
                .expectNoDeadline()
                .elapse(Duration.ofDays(1))
                .expectIgnored()
                .expectStatus(SagaStatus.COMPENSATION_FAILED);

        assertThat(saga.saga().status().isTerminal()).as("an operator's to settle, not ended").isFalse();
        assertThat(metrics.alerts("Shop", "authorize_payment", "compensation_failed")).isEqualTo(1);
        assertThat(shop.log).containsExactly("confirmed", "unconfirmed (STEP_FAILED)");
    }

    @Test
    void aCompensationAnsweredAfterTheSagaGaveUpOnItResumesTheWayBack() {
        givenUpOnTheVoid()
                .reply(ShopSaga.voided())
                .expectStatus(SagaStatus.COMPENSATING)
                .expectNoAlert()
                .expectStep("authorize_payment", StepStatus.COMPENSATED)
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .expectNoCommand()
                .expectWaitAttempts(1)
                .expectTimeoutIn(ShopSaga.TIMEOUT)
                .reply(ShopSaga.released())
                .expectStatus(SagaStatus.COMPENSATED)
                .expectFailure(Kind.STEP_FAILED, "create_shipment: rejected: no carrier")
                .expectNoCommand();

        assertThat(shop.log).containsExactly("confirmed", "unconfirmed (STEP_FAILED)", "compensated (STEP_FAILED)");
    }

    @Test
    void aCompensationAnsweredWhileItWaitsToBeResentGoesOnAndIsNotResent() {
        voidingThePayment()
                .elapse(ShopSaga.TIMEOUT)
                .expectRetryWithin(ShopSaga.COMPENSATION_BACKOFF)
                .reply(ShopSaga.voided())
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .expectTimeoutIn(ShopSaga.TIMEOUT)
                .elapse(ShopSaga.COMPENSATION_BACKOFF)
                .expectIgnored();
    }

    @Test
    void eachUndoGetsTheWholeCompensationBudget() {
        voidingThePayment()
                .elapse(ShopSaga.TIMEOUT)
                .elapse(ShopSaga.COMPENSATION_BACKOFF)
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER))
                .expectWaitAttempts(2)
                .reply(ShopSaga.voided())
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .expectWaitAttempts(1)
                .elapse(ShopSaga.TIMEOUT)
                .elapse(ShopSaga.COMPENSATION_BACKOFF)
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .elapse(ShopSaga.TIMEOUT)
                .elapse(Duration.ofSeconds(2))
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .expectStatus(SagaStatus.COMPENSATING)
                .elapse(ShopSaga.TIMEOUT)
                .expectStatus(SagaStatus.COMPENSATION_FAILED)
                .expectAlert("compensation of reserve_stock unanswered after 3 attempts");
    }
}
