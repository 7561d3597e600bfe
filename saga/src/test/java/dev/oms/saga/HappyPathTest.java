package dev.oms.saga;

import static dev.oms.contracts.Channels.FULFILLMENT_COMMANDS;
import static dev.oms.contracts.Channels.INVENTORY_COMMANDS;
import static dev.oms.contracts.Channels.PAYMENT_COMMANDS;
import static dev.oms.saga.ShopSaga.ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A saga whose every step succeeds: each command in order, to its participant, and the end. */
class HappyPathTest {
    private final ShopSaga shop = new ShopSaga();

    @Test
    void startSendsTheFirstStepsCommandAndWaitsForItsReply() {
        SagaScript<String> saga = SagaScript.given(shop.definition())
                .start(ORDER, ORDER)
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.reserve(ORDER))
                .expectNoCommand()
                .expectStatus(SagaStatus.RUNNING)
                .expectStep("reserve_stock", StepStatus.RUNNING, 1, null)
                .expectStep("authorize_payment", StepStatus.PENDING, 0, null)
                .expectStep("confirm_order", StepStatus.PENDING, 0, null)
                .expectStep("create_shipment", StepStatus.PENDING, 0, null)
                .expectStep("capture_payment", StepStatus.PENDING, 0, null)
                .expectTimeoutIn(ShopSaga.TIMEOUT)
                .expectWaitAttempts(1)
                .expectNoAlert();

        assertThat(saga.saga().currentStep()).isZero();
        assertThat(saga.saga().correlationId()).isEqualTo(ORDER);
        assertThat(saga.saga().sagaType()).isEqualTo("Shop");
        assertThat(saga.saga().failure()).isNull();
        assertThat(shop.log).isEmpty();
    }

    @Test
    void eachSuccessReplySendsTheNextCommand() {
        shop.started()
                .reply(ShopSaga.reserved())
                .expectStep("reserve_stock", StepStatus.SUCCEEDED, 1, null)
                .expectStep("authorize_payment", StepStatus.RUNNING, 1, null)
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.authorize(ORDER))
                .expectNoCommand()
                .expectTimeoutIn(ShopSaga.TIMEOUT);
    }

    @Test
    void aLocalStepRunsInTheReplysTransactionBeforeTheNextCommand() {
        SagaScript<String> saga = shop.waitingForAuthorization();
        int before = saga.snapshots();

        saga.reply(ShopSaga.authorized())
                .expectStep("authorize_payment", StepStatus.SUCCEEDED)
                .expectStep("confirm_order", StepStatus.SUCCEEDED, 1, null)
                .expectStep("create_shipment", StepStatus.RUNNING, 1, null)
                .expectCommand(FULFILLMENT_COMMANDS, ShopSaga.ship(ORDER))
                .expectNoCommand();

        assertThat(shop.log).containsExactly("confirmed");
        assertThat(saga.snapshots()).as("one stimulus, one saved transition").isEqualTo(before + 1);
    }

    @Test
    void theShipmentIsFollowedByTheCapture() {
        shop.waitingForShipment()
                .reply(ShopSaga.shipmentCreated())
                .expectStep("create_shipment", StepStatus.SUCCEEDED, 1, null)
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.capture(ORDER))
                .expectNoCommand()
                .expectStatus(SagaStatus.RUNNING);
    }

    @Test
    void theLastStepsSuccessCompletesTheSagaOnceAndSendsNothingMore() {
        SagaScript<String> saga = SagaScript.given(shop.definition())
                .start(ORDER, ORDER)
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.reserve(ORDER))
                .reply(ShopSaga.reserved())
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.authorize(ORDER))
                .reply(ShopSaga.authorized())
                .expectCommand(FULFILLMENT_COMMANDS, ShopSaga.ship(ORDER))
                .reply(ShopSaga.shipmentCreated())
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.capture(ORDER))
                .reply(ShopSaga.captured())
                .expectNoCommand()
                .expectStatus(SagaStatus.COMPLETED)
                .expectStep("reserve_stock", StepStatus.SUCCEEDED)
                .expectStep("authorize_payment", StepStatus.SUCCEEDED)
                .expectStep("confirm_order", StepStatus.SUCCEEDED)
                .expectStep("create_shipment", StepStatus.SUCCEEDED)
                .expectStep("capture_payment", StepStatus.SUCCEEDED, 1, null)
                .expectNoDeadline()
                .expectNoAlert();

        assertThat(saga.saga().failure()).isNull();
        assertThat(saga.saga().currentStep()).isEqualTo(4);
        assertThat(shop.log).containsExactly("confirmed", "completed");

        saga.elapse(Duration.ofDays(1)).expectIgnored();
        assertThat(shop.log).containsExactly("confirmed", "completed");
    }

    @Test
    void aSagaThatStartsWithALocalStepRunsItBeforeTheFirstCommand() {
        OtherSagas sagas = new OtherSagas();
        SagaScript.given(sagas.pivotless())
                .start(ORDER, ORDER)
                .expectStep("confirm_order", StepStatus.SUCCEEDED, 1, null)
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.reserve(ORDER))
                .expectNoCommand()
                .reply(ShopSaga.reserved())
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.capture(ORDER))
                .reply(ShopSaga.captured())
                .expectStatus(SagaStatus.COMPLETED)
                .expectNoCommand();

        assertThat(sagas.log).containsExactly("confirmed", "completed");
    }

    @Test
    void aSagaThatEndsWithALocalStepCompletesInTheLastRepliesTransaction() {
        OtherSagas sagas = new OtherSagas();
        SagaScript.given(sagas.pivotWithoutUndo())
                .start(ORDER, ORDER)
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.reserve(ORDER))
                .reply(ShopSaga.reserved())
                .expectCommand(FULFILLMENT_COMMANDS, ShopSaga.ship(ORDER))
                .reply(ShopSaga.shipmentCreated())
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.capture(ORDER))
                .reply(ShopSaga.captured())
                .expectStatus(SagaStatus.COMPLETED)
                .expectStep("record_sale", StepStatus.SUCCEEDED, 1, null)
                .expectNoDeadline()
                .expectNoCommand();

        assertThat(sagas.log).containsExactly("recorded", "completed");
    }
}
