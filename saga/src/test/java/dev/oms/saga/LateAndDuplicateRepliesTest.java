package dev.oms.saga;

import static dev.oms.contracts.Channels.FULFILLMENT_COMMANDS;
import static dev.oms.contracts.Channels.INVENTORY_COMMANDS;
import static dev.oms.contracts.Channels.PAYMENT_COMMANDS;
import static dev.oms.saga.ShopSaga.ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Replies the saga is not waiting for (duplicates, answers to steps that timed out and were undone, types the step does
 * not expect, answers to an ended saga) change nothing; replies for a saga that is not one of this engine's are not
 * taken at all, so that another engine may take them.
 */
class LateAndDuplicateRepliesTest {
    private final ShopSaga shop = new ShopSaga();

    @Test
    void aDuplicateSuccessReplyIsIgnored() {
        shop.waitingForAuthorization()
                .reply(ShopSaga.reserved())
                .expectIgnored()
                .expectStatus(SagaStatus.RUNNING)
                .expectStep("reserve_stock", StepStatus.SUCCEEDED, 1, null)
                .expectStep("authorize_payment", StepStatus.RUNNING, 1, null);
    }

    @Test
    void bothAnswersToAResentCommandMoveTheSagaOnOnce() {
        shop.waitingForAuthorization()
                .elapse(ShopSaga.TIMEOUT)
                .elapse(ShopSaga.AUTHORIZE_BACKOFF)
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.authorize(ORDER))
                .reply(ShopSaga.authorized())
                .expectCommand(FULFILLMENT_COMMANDS, ShopSaga.ship(ORDER))
                .reply(ShopSaga.authorized())
                .expectIgnored()
                .expectStep("create_shipment", StepStatus.RUNNING, 1, null);

        assertThat(shop.log).containsExactly("confirmed");
    }

    @Test
    void aDuplicatePivotSuccessOnceTheCaptureIsUnderWayIsIgnored() {
        shop.waitingForCapture()
                .reply(ShopSaga.shipmentCreated())
                .expectIgnored()
                .reply(ShopSaga.shipmentRejected())
                .expectIgnored()
                .expectStep("create_shipment", StepStatus.SUCCEEDED, 1, null)
                .expectStep("capture_payment", StepStatus.RUNNING, 1, null);
    }

    @Test
    void aReservationAnsweredAfterItTimedOutIsIgnoredAndStillReleased() {
        shop.started()
                .elapse(ShopSaga.TIMEOUT)
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .reply(ShopSaga.reserved())
                .expectIgnored()
                .reply(ShopSaga.unavailable())
                .expectIgnored()
                .expectStatus(SagaStatus.COMPENSATING)
                .expectStep("reserve_stock", StepStatus.COMPENSATING)
                .reply(ShopSaga.released())
                .expectStatus(SagaStatus.COMPENSATED)
                .reply(ShopSaga.reserved())
                .expectIgnored()
                .expectStatus(SagaStatus.COMPENSATED);

        assertThat(shop.log).containsExactly("compensated (STEP_TIMED_OUT)");
    }

    @Test
    void anAuthorizationAnsweredAfterItTimedOutAndWasVoidedIsIgnored() {
        shop.waitingForAuthorization()
                .elapse(ShopSaga.TIMEOUT)
                .elapse(ShopSaga.AUTHORIZE_BACKOFF)
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.authorize(ORDER))
                .elapse(ShopSaga.TIMEOUT)
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER))
                .reply(ShopSaga.voided())
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .reply(ShopSaga.authorized())
                .expectIgnored()
                .expectStep("authorize_payment", StepStatus.COMPENSATED)
                .expectStep("confirm_order", StepStatus.PENDING)
                .reply(ShopSaga.released())
                .expectStatus(SagaStatus.COMPENSATED)
                .reply(ShopSaga.authorized())
                .expectIgnored();

        assertThat(shop.log).containsExactly("compensated (STEP_TIMED_OUT)");
    }

    @Test
    void aReplyOfATypeTheCurrentStepDoesNotExpectIsIgnored() {
        shop.started()
                .reply(ShopSaga.captured())
                .expectIgnored()
                .reply(ShopSaga.authorized())
                .expectIgnored()
                .reply(ShopSaga.shipmentCreated())
                .expectIgnored()
                .reply(ShopSaga.released())
                .expectIgnored()
                .expectStatus(SagaStatus.RUNNING)
                .expectStep("reserve_stock", StepStatus.RUNNING, 1, null)
                .expectStep("create_shipment", StepStatus.PENDING);
    }

    @Test
    void aReplyOfATypeTheCompensationDoesNotExpectIsIgnored() {
        shop.waitingForShipment()
                .reply(ShopSaga.shipmentRejected())
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER))
                .reply(ShopSaga.released())
                .expectIgnored()
                .reply(ShopSaga.authorized())
                .expectIgnored()
                .reply(ShopSaga.shipmentRejected())
                .expectIgnored()
                .reply(ShopSaga.shipmentCancelled())
                .expectIgnored()
                .expectStatus(SagaStatus.COMPENSATING)
                .expectStep("authorize_payment", StepStatus.COMPENSATING)
                .expectStep("create_shipment", StepStatus.FAILED);
    }

    @Test
    void everyReplyToACompletedSagaIsIgnored() {
        SagaScript<String> saga = shop.waitingForCapture()
                .reply(ShopSaga.captured())
                .expectStatus(SagaStatus.COMPLETED);

        for (Message reply : List.<Message>of(ShopSaga.reserved(), ShopSaga.unavailable(), ShopSaga.authorized(),
                ShopSaga.declined(), ShopSaga.shipmentCreated(), ShopSaga.shipmentRejected(), ShopSaga.captured(),
                ShopSaga.captureFailed(), ShopSaga.released(), ShopSaga.voided(), ShopSaga.shipmentCancelled(),
                ShopSaga.cancelRefused())) {
            saga.reply(reply).expectIgnored();
        }
        saga.expectStatus(SagaStatus.COMPLETED).expectNoDeadline();
        assertThat(shop.log).containsExactly("confirmed", "completed");
    }

    @Test
    void aDuplicateCompensationReplyToACompensatedSagaIsIgnored() {
        shop.waitingForAuthorization()
                .reply(ShopSaga.declined())
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .reply(ShopSaga.released())
                .expectStatus(SagaStatus.COMPENSATED)
                .reply(ShopSaga.released())
                .expectIgnored()
                .reply(ShopSaga.declined())
                .expectIgnored()
                .expectStatus(SagaStatus.COMPENSATED);

        assertThat(shop.log).containsExactly("compensated (STEP_FAILED)");
    }

    @Test
    void aReplyForAnUnknownSagaIsNotThisEngines() {
        SagaScript<String> saga = shop.started();
        long version = saga.saga().version();
        int snapshots = saga.snapshots();

        assertThat(saga.deliver("no-such-saga", ShopSaga.reserved())).isFalse();
        assertThat(saga.deliver(null, ShopSaga.reserved())).as("a reply addressed to no saga").isFalse();

        saga.expectNoCommand().expectStep("reserve_stock", StepStatus.RUNNING);
        assertThat(saga.saga().version()).isEqualTo(version);
        assertThat(saga.snapshots()).isEqualTo(snapshots);
    }

    @Test
    void aReplyForASagaOfAnotherTypeIsNotThisEnginesAndLeavesThatSagaAlone() {
        SagaScript<String> saga = shop.started();
        SagaEngine<String> pivotless = saga.engineOnSameStore(new OtherSagas().pivotless());
        String otherSaga = saga.inTransaction(tx -> pivotless.start(tx, "order-2", "order-2"));
        assertThat(saga.takeSent()).isEqualTo(
                new RecordingTransaction.Sent(INVENTORY_COMMANDS, "order-2", otherSaga, ShopSaga.reserve("order-2")));

        boolean taken = saga.inTransaction(tx -> pivotless.onReply(tx, saga.message(saga.sagaId(), ShopSaga.reserved())));
        assertThat(taken).as("the Shop saga is not the Pivotless engine's").isFalse();
        assertThat(saga.deliver(otherSaga, ShopSaga.reserved())).as("the Pivotless saga is not the Shop engine's").isFalse();

        saga.expectNoCommand().expectStep("reserve_stock", StepStatus.RUNNING);
        SagaInstance<String> other = saga.inTransaction(tx -> pivotless.find(tx, otherSaga)).orElseThrow();
        assertThat(other.steps().get(1).status()).isEqualTo(StepStatus.RUNNING);
        assertThat(other.version()).isEqualTo(1);
        saga.reply(ShopSaga.reserved()).expectCommand(PAYMENT_COMMANDS, ShopSaga.authorize(ORDER));
    }

    @Test
    void aPivotSuccessAfterTheSagaWasCompensatedIsIgnoredWhenThePivotCannotBeUndone() {
        OtherSagas sagas = new OtherSagas();
        SagaScript.given(sagas.pivotWithoutUndo())
                .start(ORDER, ORDER)
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.reserve(ORDER))
                .reply(ShopSaga.reserved())
                .expectCommand(FULFILLMENT_COMMANDS, ShopSaga.ship(ORDER))
                .reply(ShopSaga.shipmentRejected())
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .reply(ShopSaga.shipmentCreated())
                .expectIgnored()
                .reply(ShopSaga.released())
                .expectStatus(SagaStatus.COMPENSATED)
                .reply(ShopSaga.shipmentCreated())
                .expectIgnored()
                .expectStatus(SagaStatus.COMPENSATED)
                .expectStep("create_shipment", StepStatus.FAILED);

        assertThat(sagas.log).containsExactly("compensated (STEP_FAILED)");
    }

    @Test
    void aSecondRefusalOfTheShipmentsCancellationOnceTheSagaWentForwardIsIgnored() {
        shop.waitingForShipment()
                .compensate("cancelled by customer")
                .reply(ShopSaga.shipmentCreated())
                .expectCommand(FULFILLMENT_COMMANDS, ShopSaga.cancelShipment(ORDER))
                .reply(ShopSaga.cancelRefused())
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.capture(ORDER))
                .reply(ShopSaga.cancelRefused())
                .expectIgnored()
                .reply(ShopSaga.shipmentCancelled())
                .expectIgnored()
                .expectStatus(SagaStatus.RUNNING);
    }

    /** The shipment's cancellation sent three times and never answered: the saga gave up on it. */
    private SagaScript<String> givenUpOnTheShipmentsCancellation(SagaScript<String> saga) {
        return saga.expectCommand(FULFILLMENT_COMMANDS, ShopSaga.cancelShipment(ORDER))
                .elapse(ShopSaga.TIMEOUT)
                .elapse(ShopSaga.COMPENSATION_BACKOFF)
                .expectCommand(FULFILLMENT_COMMANDS, ShopSaga.cancelShipment(ORDER))
                .elapse(ShopSaga.TIMEOUT)
                .elapse(Duration.ofSeconds(2))
                .expectCommand(FULFILLMENT_COMMANDS, ShopSaga.cancelShipment(ORDER))
                .elapse(ShopSaga.TIMEOUT)
                .expectStatus(SagaStatus.COMPENSATION_FAILED)
                .expectAlert("compensation of create_shipment unanswered after 3 attempts")
                .expectNoCommand();
    }

    @Test
    void aRefusalOfTheShipmentsCancellationAfterTheSagaGaveUpOnItStillRefusesTheRequest() {
        givenUpOnTheShipmentsCancellation(shop.waitingForShipment()
                        .compensate("cancelled by customer")
                        .reply(ShopSaga.shipmentCreated()))
                .reply(ShopSaga.cancelRefused())
                .expectStatus(SagaStatus.RUNNING)
                .expectNoAlert()
                .expectStep("create_shipment", StepStatus.SUCCEEDED)
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.capture(ORDER))
                .expectNoCommand()
                .reply(ShopSaga.captured())
                .expectStatus(SagaStatus.COMPLETED);

        assertThat(shop.log).containsExactly("confirmed",
                "refused cancelled by customer: create_shipment could not be undone: oms.fulfillment.v1.ShipmentCancelRefused",
                "completed");
    }

    @Test
    void aRefusalOfALateShipmentsCancellationAfterTheSagaGaveUpOnItAsksForAnOperator() {
        givenUpOnTheShipmentsCancellation(shop.waitingForShipment()
                        .reply(ShopSaga.shipmentRejected())
                        .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER))
                        .reply(ShopSaga.voided())
                        .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                        .reply(ShopSaga.released())
                        .reply(ShopSaga.shipmentCreated()))
                .reply(ShopSaga.cancelRefused())
                .expectStatus(SagaStatus.COMPENSATION_FAILED)
                .expectAlert("create_shipment could not be undone: oms.fulfillment.v1.ShipmentCancelRefused, "
                        + "after the steps before it were undone: settle the order by hand")
                .expectStep("create_shipment", StepStatus.SUCCEEDED)
                .expectNoDeadline()
                .expectNoCommand();
    }

    @Test
    void aShipmentCancelledAfterTheSagaGaveUpOnItResumesTheWayBack() {
        givenUpOnTheShipmentsCancellation(shop.waitingForShipment()
                        .compensate("cancelled by customer")
                        .reply(ShopSaga.shipmentCreated()))
                .reply(ShopSaga.shipmentCancelled())
                .expectStatus(SagaStatus.COMPENSATING)
                .expectNoAlert()
                .expectStep("create_shipment", StepStatus.COMPENSATED)
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER))
                .reply(ShopSaga.voided())
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .reply(ShopSaga.released())
                .expectStatus(SagaStatus.COMPENSATED);
    }
}
