package dev.oms.saga;

import static dev.oms.contracts.Channels.FULFILLMENT_COMMANDS;
import static dev.oms.contracts.Channels.INVENTORY_COMMANDS;
import static dev.oms.contracts.Channels.PAYMENT_COMMANDS;
import static dev.oms.saga.ShopSaga.ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oms.saga.SagaFailure.Kind;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What an operator (or a customer's cancellation) can do to a saga: retry sends what it waits for again now with a
 * fresh budget (and reopens a failed compensation); compensate undoes a saga that has not passed its pivot.
 */
class OperatorActionsTest {
    private final ShopSaga shop = new ShopSaga();

    /** The void sent three times and never answered. */
    private SagaScript<String> givenUpOnTheVoid() {
        return shop.waitingForShipment()
                .reply(ShopSaga.shipmentRejected())
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER))
                .elapse(ShopSaga.TIMEOUT)
                .elapse(ShopSaga.COMPENSATION_BACKOFF)
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER))
                .elapse(ShopSaga.TIMEOUT)
                .elapse(Duration.ofSeconds(2))
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER))
                .elapse(ShopSaga.TIMEOUT)
                .expectStatus(SagaStatus.COMPENSATION_FAILED)
                .expectAlert("compensation of authorize_payment unanswered after 3 attempts");
    }

    private static Optional<SagaInstance<String>> retry(SagaScript<String> saga, String sagaId) {
        return saga.inTransaction(tx -> saga.engine().retry(tx, sagaId));
    }

    private static Optional<SagaInstance<String>> compensate(SagaScript<String> saga, String sagaId, String reason) {
        return saga.inTransaction(tx -> saga.engine().compensate(tx, sagaId, reason));
    }

    // ---- retry

    @Test
    void retrySendsTheAwaitedCommandNowWithAFreshBudgetAndClearsTheAlert() {
        shop.waitingForCapture()
                .reply(ShopSaga.captureFailed())
                .elapse(ShopSaga.CAPTURE_BACKOFF)
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.capture(ORDER))
                .reply(ShopSaga.captureFailed())
                .expectAlert("capture_payment: retry budget of 2 attempts spent")
                .retry()
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.capture(ORDER))
                .expectNoCommand()
                .expectNoAlert()
                .expectStatus(SagaStatus.RUNNING)
                .expectWaitAttempts(1)
                .expectStep("capture_payment", StepStatus.RUNNING, 3, "capture failed: provider timeout")
                .expectTimeoutIn(ShopSaga.TIMEOUT)
                // the budget starts again: one more failure is not yet worth an alert
                .reply(ShopSaga.captureFailed())
                .expectNoAlert()
                .expectRetryWithin(ShopSaga.CAPTURE_BACKOFF)
                .elapse(ShopSaga.CAPTURE_BACKOFF)
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.capture(ORDER))
                .reply(ShopSaga.captureFailed())
                .expectAlert("capture_payment: retry budget of 2 attempts spent");
    }

    @Test
    void retryDuringABackoffSendsAtOnceAndTheBackoffNoLongerFires() {
        shop.waitingForAuthorization()
                .elapse(ShopSaga.TIMEOUT)
                .expectRetryWithin(ShopSaga.AUTHORIZE_BACKOFF)
                .retry()
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.authorize(ORDER))
                .expectTimeoutIn(ShopSaga.TIMEOUT)
                .elapse(ShopSaga.AUTHORIZE_BACKOFF)
                .expectIgnored();
    }

    @Test
    void retryGivesAStepBeforeThePivotItsWholeBudgetAgain() {
        shop.waitingForAuthorization()
                .elapse(ShopSaga.TIMEOUT)
                .elapse(ShopSaga.AUTHORIZE_BACKOFF)
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.authorize(ORDER))
                .expectWaitAttempts(2)
                .retry()
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.authorize(ORDER))
                .expectWaitAttempts(1)
                // without the retry this timeout would have spent the budget
                .elapse(ShopSaga.TIMEOUT)
                .expectStatus(SagaStatus.RUNNING)
                .expectNoCommand()
                .expectRetryWithin(ShopSaga.AUTHORIZE_BACKOFF)
                .elapse(ShopSaga.AUTHORIZE_BACKOFF)
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.authorize(ORDER))
                .elapse(ShopSaga.TIMEOUT)
                .expectStatus(SagaStatus.COMPENSATING)
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER));
    }

    @Test
    void retryReopensAFailedCompensationAndSendsItAgainWithAFreshBudget() {
        givenUpOnTheVoid()
                .retry()
                .expectStatus(SagaStatus.COMPENSATING)
                .expectNoAlert()
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER))
                .expectNoCommand()
                .expectWaitAttempts(1)
                .expectTimeoutIn(ShopSaga.TIMEOUT)
                .expectFailure(Kind.STEP_FAILED, "create_shipment: rejected: no carrier")
                .elapse(ShopSaga.TIMEOUT)
                .expectStatus(SagaStatus.COMPENSATING)
                .expectRetryWithin(ShopSaga.COMPENSATION_BACKOFF)
                .elapse(ShopSaga.COMPENSATION_BACKOFF)
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER))
                .reply(ShopSaga.voided())
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .reply(ShopSaga.released())
                .expectStatus(SagaStatus.COMPENSATED);

        assertThat(shop.log).containsExactly("confirmed", "unconfirmed (STEP_FAILED)", "compensated (STEP_FAILED)");
    }

    @Test
    void retryOfACompensatingSagaSendsTheCompensationAgainNow() {
        shop.waitingForAuthorization()
                .reply(ShopSaga.declined())
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .elapse(ShopSaga.TIMEOUT)
                .expectRetryWithin(ShopSaga.COMPENSATION_BACKOFF)
                .retry()
                .expectStatus(SagaStatus.COMPENSATING)
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .expectNoCommand()
                .expectWaitAttempts(1)
                .expectTimeoutIn(ShopSaga.TIMEOUT);
    }

    @Test
    void retryAfterTheUndoOfALateShipmentWasRefusedAsksForTheUndoAgain() {
        shop.waitingForShipment()
                .reply(ShopSaga.shipmentRejected())
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER))
                .reply(ShopSaga.voided())
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .reply(ShopSaga.released())
                .reply(ShopSaga.shipmentCreated())
                .expectCommand(FULFILLMENT_COMMANDS, ShopSaga.cancelShipment(ORDER))
                .reply(ShopSaga.cancelRefused())
                .expectStatus(SagaStatus.COMPENSATION_FAILED)
                .retry()
                .expectStatus(SagaStatus.COMPENSATING)
                .expectNoAlert()
                .expectCommand(FULFILLMENT_COMMANDS, ShopSaga.cancelShipment(ORDER))
                .reply(ShopSaga.shipmentCancelled())
                .expectStatus(SagaStatus.COMPENSATED)
                .expectStep("create_shipment", StepStatus.COMPENSATED)
                .expectNoCommand();
    }

    @Test
    void retryOfACompletedSagaChangesNothing() {
        SagaScript<String> saga = shop.waitingForCapture()
                .reply(ShopSaga.captured())
                .expectStatus(SagaStatus.COMPLETED)
                .retry()
                .expectIgnored()
                .expectStatus(SagaStatus.COMPLETED);

        assertThat(retry(saga, saga.sagaId())).get().extracting(SagaInstance::status).isEqualTo(SagaStatus.COMPLETED);
        assertThat(shop.log).containsExactly("confirmed", "completed");
    }

    @Test
    void retryOfACompensatedSagaChangesNothing() {
        shop.started()
                .reply(ShopSaga.unavailable())
                .expectStatus(SagaStatus.COMPENSATED)
                .retry()
                .expectIgnored()
                .expectStatus(SagaStatus.COMPENSATED);

        assertThat(shop.log).containsExactly("compensated (STEP_FAILED)");
    }

    @Test
    void retryOfAnUnknownSagaFindsNothing() {
        SagaScript<String> saga = shop.started();
        long version = saga.saga().version();

        assertThat(retry(saga, "no-such-saga")).isEmpty();
        SagaEngine<String> otherType = saga.engineOnSameStore(new OtherSagas().pivotless());
        Optional<SagaInstance<String>> found = saga.inTransaction(tx -> otherType.retry(tx, saga.sagaId()));
        assertThat(found).as("not a saga of its type").isEmpty();

        saga.expectNoCommand();
        assertThat(saga.saga().version()).isEqualTo(version);
    }

    // ---- compensate

    @Test
    void compensateBeforeThePivotUndoesTheStepInFlightAndTheStepsBeforeIt() {
        SagaScript<String> saga = shop.waitingForAuthorization()
                .compensate("cancelled by customer")
                .expectStatus(SagaStatus.COMPENSATING)
                .expectFailure(Kind.REQUESTED, "cancelled by customer")
                // in flight, so it may have happened: timed out and undone
                .expectStep("authorize_payment", StepStatus.COMPENSATING, 1, "timed out")
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER))
                .expectNoCommand()
                .reply(ShopSaga.voided())
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .reply(ShopSaga.released())
                .expectStatus(SagaStatus.COMPENSATED)
                .expectStep("authorize_payment", StepStatus.COMPENSATED, 1, "timed out")
                .expectStep("reserve_stock", StepStatus.COMPENSATED)
                .expectFailure(Kind.REQUESTED, "cancelled by customer")
                .expectNoCommand();

        assertThat(saga.saga().compensationRequest()).isNull();
        assertThat(shop.log).containsExactly("compensated (REQUESTED)");
    }

    @Test
    void compensateWhileTheFirstStepIsInFlightReleasesIt() {
        SagaScript<String> saga = shop.started();
        Optional<SagaInstance<String>> returned = compensate(saga, saga.sagaId(), "cancelled by customer");

        assertThat(returned).get().extracting(SagaInstance::status).isEqualTo(SagaStatus.COMPENSATING);
        saga.expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .expectStep("reserve_stock", StepStatus.COMPENSATING, 1, "timed out")
                .reply(ShopSaga.released())
                .expectStatus(SagaStatus.COMPENSATED)
                .expectFailure(Kind.REQUESTED, "cancelled by customer");
    }

    @Test
    void compensateWhileAStepWaitsToBeResentUndoesItAndTheResendNeverFires() {
        shop.waitingForAuthorization()
                .elapse(ShopSaga.TIMEOUT)
                .expectRetryWithin(ShopSaga.AUTHORIZE_BACKOFF)
                .compensate("cancelled by customer")
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER))
                .expectTimeoutIn(ShopSaga.TIMEOUT)
                .elapse(ShopSaga.AUTHORIZE_BACKOFF)
                .expectIgnored();
    }

    @Test
    void compensateAfterThePivotIsRefusedAndChangesNothing() {
        SagaScript<String> saga = shop.waitingForCapture()
                .reply(ShopSaga.captureFailed())
                .compensate("cancelled by customer")
                .expectIgnored()
                .expectStatus(SagaStatus.RUNNING)
                .expectStep("create_shipment", StepStatus.SUCCEEDED)
                .expectRetryWithin(ShopSaga.CAPTURE_BACKOFF);

        assertThat(compensate(saga, saga.sagaId(), "again")).get()
                .extracting(SagaInstance::status).isEqualTo(SagaStatus.RUNNING);
        assertThat(saga.saga().compensationRequest()).isNull();
        assertThat(saga.engine().pastPivot(saga.saga())).isTrue();

        saga.elapse(ShopSaga.CAPTURE_BACKOFF)
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.capture(ORDER))
                .reply(ShopSaga.captured())
                .expectStatus(SagaStatus.COMPLETED);
        assertThat(shop.log).containsExactly("confirmed", "completed");
    }

    @Test
    void compensateOfAFailedCompensationRetriesIt() {
        givenUpOnTheVoid()
                .compensate("compensated by an operator")
                .expectStatus(SagaStatus.COMPENSATING)
                .expectNoAlert()
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER))
                .expectNoCommand()
                .expectWaitAttempts(1)
                // still compensating for the reason it began with
                .expectFailure(Kind.STEP_FAILED, "create_shipment: rejected: no carrier");
    }

    @Test
    void compensateOfACompensatingSagaChangesNothing() {
        shop.waitingForAuthorization()
                .reply(ShopSaga.declined())
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .compensate("cancelled by customer")
                .expectIgnored()
                .expectStatus(SagaStatus.COMPENSATING)
                .expectFailure(Kind.STEP_FAILED, "authorize_payment: declined: insufficient_funds");
    }

    @Test
    void compensateOfAnEndedSagaChangesNothing() {
        shop.waitingForCapture()
                .reply(ShopSaga.captured())
                .compensate("cancelled by customer")
                .expectIgnored()
                .expectStatus(SagaStatus.COMPLETED);

        ShopSaga other = new ShopSaga();
        other.started()
                .reply(ShopSaga.unavailable())
                .compensate("cancelled by customer")
                .expectIgnored()
                .expectStatus(SagaStatus.COMPENSATED)
                .expectFailure(Kind.STEP_FAILED, "reserve_stock: stock unavailable: sold out");
        assertThat(other.log).containsExactly("compensated (STEP_FAILED)");
    }

    @Test
    void compensateOfAnUnknownSagaFindsNothing() {
        SagaScript<String> saga = shop.started();
        long version = saga.saga().version();

        assertThat(compensate(saga, "no-such-saga", "cancelled by customer")).isEmpty();

        saga.expectNoCommand().expectStatus(SagaStatus.RUNNING);
        assertThat(saga.saga().version()).isEqualTo(version);
    }

    @Test
    void aCompensationWaitingForAPivotThatCannotBeUndoneIsRefusedOnceThePivotSucceeds() {
        OtherSagas sagas = new OtherSagas();
        SagaScript<String> saga = SagaScript.given(sagas.pivotWithoutUndo())
                .start(ORDER, ORDER)
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.reserve(ORDER))
                .reply(ShopSaga.reserved())
                .expectCommand(FULFILLMENT_COMMANDS, ShopSaga.ship(ORDER))
                .compensate("cancelled by customer")
                .expectNoCommand()
                .expectStatus(SagaStatus.RUNNING)
                .reply(ShopSaga.shipmentCreated())
                .expectStatus(SagaStatus.RUNNING)
                .expectStep("create_shipment", StepStatus.SUCCEEDED)
                .expectStep("reserve_stock", StepStatus.SUCCEEDED)
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.capture(ORDER))
                .expectNoCommand();

        assertThat(saga.saga().compensationRequest()).isNull();
        assertThat(saga.saga().failure()).isNull();
        assertThat(sagas.log).containsExactly(
                "refused cancelled by customer: create_shipment succeeded and cannot be undone");
    }

    @Test
    void aCompensationWaitingForAPivotThatCannotBeUndoneUndoesTheStepsBeforeItWhenThePivotIsRefused() {
        OtherSagas sagas = new OtherSagas();
        SagaScript.given(sagas.pivotWithoutUndo())
                .start(ORDER, ORDER)
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.reserve(ORDER))
                .reply(ShopSaga.reserved())
                .expectCommand(FULFILLMENT_COMMANDS, ShopSaga.ship(ORDER))
                .compensate("cancelled by customer")
                .reply(ShopSaga.shipmentRejected())
                .expectStatus(SagaStatus.COMPENSATING)
                .expectFailure(Kind.REQUESTED, "cancelled by customer")
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .reply(ShopSaga.released())
                .expectStatus(SagaStatus.COMPENSATED);

        assertThat(sagas.log).containsExactly("compensated (REQUESTED)");
    }

    @Test
    void compensateOnceASagaWithoutPivotSentItsRetriableStepIsRefused() {
        OtherSagas sagas = new OtherSagas();
        SagaScript<String> saga = SagaScript.given(sagas.pivotless())
                .start(ORDER, ORDER)
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.reserve(ORDER))
                .reply(ShopSaga.reserved())
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.capture(ORDER));

        // the capture is out and will be sent until it succeeds: undoing the reservation now would charge for nothing
        assertThat(saga.engine().pastPivot(saga.saga())).isTrue();
        saga.compensate("cancelled by customer")
                .expectIgnored()
                .expectStatus(SagaStatus.RUNNING)
                .expectStep("capture_payment", StepStatus.RUNNING)
                .expectStep("reserve_stock", StepStatus.SUCCEEDED)
                .reply(ShopSaga.captured())
                .expectStatus(SagaStatus.COMPLETED)
                .expectNoCommand();

        assertThat(sagas.log).containsExactly("confirmed", "completed");
    }

    @Test
    void compensateOfASagaWithoutPivotBeforeItsRetriableStepUndoesItsSteps() {
        OtherSagas sagas = new OtherSagas();
        SagaScript<String> saga = SagaScript.given(sagas.pivotless())
                .start(ORDER, ORDER)
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.reserve(ORDER));

        assertThat(saga.engine().pastPivot(saga.saga())).isFalse();
        saga.compensate("cancelled by customer")
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .reply(ShopSaga.released())
                .expectStatus(SagaStatus.COMPENSATED)
                .expectFailure(Kind.REQUESTED, "cancelled by customer");

        assertThat(sagas.log).containsExactly("confirmed", "unconfirmed (REQUESTED)", "compensated (REQUESTED)");
    }
}
