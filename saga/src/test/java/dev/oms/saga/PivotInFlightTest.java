package dev.oms.saga;

import static dev.oms.contracts.Channels.FULFILLMENT_COMMANDS;
import static dev.oms.contracts.Channels.INVENTORY_COMMANDS;
import static dev.oms.contracts.Channels.PAYMENT_COMMANDS;
import static dev.oms.saga.ShopSaga.ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oms.saga.SagaFailure.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A compensation (a customer's cancellation, an operator's compensate) that arrives while the pivot's command is out
 * must not skip the pivot: it waits for the pivot's answer and goes on from there.
 */
class PivotInFlightTest {
    private final ShopSaga shop = new ShopSaga();

    /** The saga with its shipment requested and no answer yet. */
    private SagaScript<String> waitingForTheShipment() {
        return SagaScript.given(shop.definition())
                .start(ORDER, ORDER)
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.reserve(ORDER))
                .reply(ShopSaga.reserved())
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.authorize(ORDER))
                .reply(ShopSaga.authorized())
                .expectCommand(FULFILLMENT_COMMANDS, ShopSaga.ship(ORDER))
                .expectStep("create_shipment", StepStatus.RUNNING);
    }

    @Test
    void aCompensationWhileThePivotIsInFlightIsRecordedAndUndoesNothingYet() {
        SagaScript<String> saga = waitingForTheShipment()
                .compensate("cancelled by customer")
                .expectNoCommand()
                .expectStatus(SagaStatus.RUNNING)
                .expectStep("create_shipment", StepStatus.RUNNING)
                .expectStep("authorize_payment", StepStatus.SUCCEEDED);

        assertThat(saga.saga().compensationRequest()).isEqualTo("cancelled by customer");
        assertThat(shop.log).containsExactly("confirmed");
    }

    @Test
    void aPivotThatSucceedsAfterACompensationWasAskedForIsUndoneThenTheEarlierSteps() {
        waitingForTheShipment()
                .compensate("cancelled by customer")
                .reply(ShopSaga.shipmentCreated())
                .expectStatus(SagaStatus.COMPENSATING)
                .expectCommand(FULFILLMENT_COMMANDS, ShopSaga.cancelShipment(ORDER))
                .expectNoCommand()
                .reply(ShopSaga.shipmentCancelled())
                .expectStep("create_shipment", StepStatus.COMPENSATED)
                .expectStep("confirm_order", StepStatus.COMPENSATED)
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER))
                .reply(ShopSaga.voided())
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .reply(ShopSaga.released())
                .expectStatus(SagaStatus.COMPENSATED)
                .expectFailure(Kind.REQUESTED, "cancelled by customer")
                .expectNoCommand();

        assertThat(shop.log).containsExactly("confirmed", "unconfirmed (REQUESTED)", "compensated (REQUESTED)");
    }

    @Test
    void aPivotThatIsRefusedAfterACompensationWasAskedForUndoesTheEarlierStepsAsRequested() {
        waitingForTheShipment()
                .compensate("cancelled by customer")
                .reply(ShopSaga.shipmentRejected())
                .expectStep("create_shipment", StepStatus.FAILED)
                .expectStep("confirm_order", StepStatus.COMPENSATED)
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER))
                .reply(ShopSaga.voided())
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .reply(ShopSaga.released())
                .expectStatus(SagaStatus.COMPENSATED)
                .expectFailure(Kind.REQUESTED, "cancelled by customer")
                .expectNoCommand();

        assertThat(shop.log).containsExactly("confirmed", "unconfirmed (REQUESTED)", "compensated (REQUESTED)");
    }

    @Test
    void aPivotWhoseUndoIsRefusedGoesForwardAndTheRequestIsRefused() {
        waitingForTheShipment()
                .compensate("cancelled by customer")
                .reply(ShopSaga.shipmentCreated())
                .expectCommand(FULFILLMENT_COMMANDS, ShopSaga.cancelShipment(ORDER))
                .reply(ShopSaga.cancelRefused())
                .expectStatus(SagaStatus.RUNNING)
                .expectStep("create_shipment", StepStatus.SUCCEEDED)
                .expectStep("authorize_payment", StepStatus.SUCCEEDED)
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.capture(ORDER))
                .reply(ShopSaga.captured())
                .expectStatus(SagaStatus.COMPLETED)
                .expectNoCommand();

        assertThat(shop.log).containsExactly("confirmed",
                "refused cancelled by customer: create_shipment could not be undone: oms.fulfillment.v1.ShipmentCancelRefused",
                "completed");
    }

    @Test
    void aPivotThatTimesOutWhileACompensationWaitsIsAskedAgainNotSkipped() {
        waitingForTheShipment()
                .compensate("cancelled by customer")
                .elapse(ShopSaga.TIMEOUT)
                .expectStatus(SagaStatus.RUNNING)
                .expectStep("create_shipment", StepStatus.RUNNING)
                .expectNoCommand()
                .elapse(Duration.ofSeconds(1))
                .expectCommand(FULFILLMENT_COMMANDS, ShopSaga.ship(ORDER))
                .reply(ShopSaga.shipmentCreated())
                .expectCommand(FULFILLMENT_COMMANDS, ShopSaga.cancelShipment(ORDER));
    }

    @Test
    void aSecondCompensationWhileTheFirstWaitsChangesNothing() {
        SagaScript<String> saga = waitingForTheShipment().compensate("cancelled by customer");

        saga.compensate("compensated by an operator").expectIgnored();

        assertThat(saga.saga().compensationRequest()).isEqualTo("cancelled by customer");
    }

    @Test
    void aCompensationOnceThePivotSucceededIsRefused() {
        waitingForTheShipment()
                .reply(ShopSaga.shipmentCreated())
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.capture(ORDER))
                .compensate("cancelled by customer")
                .expectIgnored()
                .expectStatus(SagaStatus.RUNNING);
    }

    @Test
    void aShipmentCreatedAfterTheSagaWasCompensatedIsCancelled() {
        waitingForTheShipment()
                .reply(ShopSaga.shipmentRejected())
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER))
                .reply(ShopSaga.voided())
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .reply(ShopSaga.released())
                .expectStatus(SagaStatus.COMPENSATED)
                .reply(ShopSaga.shipmentCreated())
                .expectStatus(SagaStatus.COMPENSATING)
                .expectCommand(FULFILLMENT_COMMANDS, ShopSaga.cancelShipment(ORDER))
                .reply(ShopSaga.shipmentCancelled())
                .expectStatus(SagaStatus.COMPENSATED)
                .expectStep("create_shipment", StepStatus.COMPENSATED)
                .expectNoCommand();
    }

    @Test
    void aShipmentCreatedWhileTheEarlierStepsAreBeingUndoneIsCancelledOnceTheyAre() {
        waitingForTheShipment()
                .reply(ShopSaga.shipmentRejected())
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER))
                .reply(ShopSaga.shipmentCreated())
                .expectStatus(SagaStatus.COMPENSATING)
                .expectNoCommand()
                .reply(ShopSaga.voided())
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .reply(ShopSaga.released())
                .expectStatus(SagaStatus.COMPENSATING)
                .expectCommand(FULFILLMENT_COMMANDS, ShopSaga.cancelShipment(ORDER))
                .reply(ShopSaga.shipmentCancelled())
                .expectStatus(SagaStatus.COMPENSATED)
                .expectNoCommand();
    }

    @Test
    void aLateShipmentWhoseCancellationIsRefusedAfterTheMoneyWentBackAsksForAnOperator() {
        waitingForTheShipment()
                .reply(ShopSaga.shipmentRejected())
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER))
                .reply(ShopSaga.voided())
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .reply(ShopSaga.released())
                .reply(ShopSaga.shipmentCreated())
                .expectCommand(FULFILLMENT_COMMANDS, ShopSaga.cancelShipment(ORDER))
                .reply(ShopSaga.cancelRefused())
                .expectStatus(SagaStatus.COMPENSATION_FAILED)
                .expectAlert("create_shipment could not be undone")
                .expectNoCommand();
    }

    @Test
    void aDuplicateShipmentCreatedWhileItsUndoIsUnderWayChangesNothing() {
        waitingForTheShipment()
                .compensate("cancelled by customer")
                .reply(ShopSaga.shipmentCreated())
                .expectCommand(FULFILLMENT_COMMANDS, ShopSaga.cancelShipment(ORDER))
                .reply(ShopSaga.shipmentCreated())
                .expectIgnored();
    }
}
