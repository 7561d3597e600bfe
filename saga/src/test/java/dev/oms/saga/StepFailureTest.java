package dev.oms.saga;

import static dev.oms.contracts.Channels.INVENTORY_COMMANDS;
import static dev.oms.contracts.Channels.PAYMENT_COMMANDS;
import static dev.oms.saga.ShopSaga.ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oms.saga.SagaFailure.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A participant refuses a step before the pivot (or a local step fails): the steps done so far are undone in reverse
 * order, each with its exact compensation, and the saga ends COMPENSATED with the typed reason.
 */
class StepFailureTest {
    private final ShopSaga shop = new ShopSaga();

    @Test
    void endsCompensatedAtOnceWhenStockIsUnavailable() {
        SagaScript<String> saga = shop.started()
                .reply(ShopSaga.unavailable())
                .expectNoCommand()
                .expectStatus(SagaStatus.COMPENSATED)
                .expectStep("reserve_stock", StepStatus.FAILED, 1, "stock unavailable: sold out")
                .expectStep("authorize_payment", StepStatus.PENDING)
                .expectFailure(Kind.STEP_FAILED, "reserve_stock: stock unavailable: sold out")
                .expectNoDeadline();

        assertThat(shop.log).containsExactly("compensated (STEP_FAILED)");
        saga.elapse(Duration.ofDays(1)).expectIgnored();
    }

    @Test
    void releasesStockWhenPaymentIsDeclined() {
        shop.waitingForAuthorization()
                .reply(ShopSaga.declined())
                .expectStatus(SagaStatus.COMPENSATING)
                .expectStep("authorize_payment", StepStatus.FAILED, 1, "declined: insufficient_funds")
                .expectStep("reserve_stock", StepStatus.COMPENSATING)
                .expectFailure(Kind.STEP_FAILED, "authorize_payment: declined: insufficient_funds")
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .expectNoCommand()
                .expectTimeoutIn(ShopSaga.TIMEOUT)
                .reply(ShopSaga.released())
                .expectStatus(SagaStatus.COMPENSATED)
                .expectStep("reserve_stock", StepStatus.COMPENSATED)
                .expectFailure(Kind.STEP_FAILED, "authorize_payment: declined: insufficient_funds")
                .expectNoDeadline()
                .expectNoCommand();

        assertThat(shop.log).containsExactly("compensated (STEP_FAILED)");
    }

    @Test
    void voidsThePaymentThenReleasesStockWhenTheOrderCannotBeConfirmed() {
        shop.confirms = false;

        shop.waitingForAuthorization()
                .reply(ShopSaga.authorized())
                .expectStatus(SagaStatus.COMPENSATING)
                .expectStep("confirm_order", StepStatus.FAILED, 1, "order changed")
                .expectStep("create_shipment", StepStatus.PENDING)
                .expectFailure(Kind.STEP_FAILED, "confirm_order: order changed")
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER))
                .expectNoCommand()
                .reply(ShopSaga.voided())
                .expectStep("authorize_payment", StepStatus.COMPENSATED)
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .expectNoCommand()
                .reply(ShopSaga.released())
                .expectStatus(SagaStatus.COMPENSATED)
                .expectNoCommand();

        // the step that failed did nothing, so it is not undone
        assertThat(shop.log).containsExactly("not confirmed", "compensated (STEP_FAILED)");
    }

    @Test
    void unconfirmsVoidsAndReleasesWhenTheShipmentIsRejected() {
        shop.waitingForShipment()
                .reply(ShopSaga.shipmentRejected())
                .expectStatus(SagaStatus.COMPENSATING)
                .expectStep("create_shipment", StepStatus.FAILED, 1, "rejected: no carrier")
                .expectStep("confirm_order", StepStatus.COMPENSATED)
                .expectStep("capture_payment", StepStatus.PENDING)
                .expectFailure(Kind.STEP_FAILED, "create_shipment: rejected: no carrier")
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER))
                .expectNoCommand()
                .reply(ShopSaga.voided())
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .expectNoCommand()
                .reply(ShopSaga.released())
                .expectStatus(SagaStatus.COMPENSATED)
                .expectStep("reserve_stock", StepStatus.COMPENSATED)
                .expectStep("authorize_payment", StepStatus.COMPENSATED)
                .expectNoCommand();

        assertThat(shop.log).containsExactly("confirmed", "unconfirmed (STEP_FAILED)", "compensated (STEP_FAILED)");
    }

    @Test
    void aDeclineWhileTheAuthorizationWaitsToBeResentCompensatesAndCancelsTheResend() {
        shop.waitingForAuthorization()
                .elapse(ShopSaga.TIMEOUT)
                .expectRetryWithin(ShopSaga.AUTHORIZE_BACKOFF)
                .reply(ShopSaga.declined())
                .expectStep("authorize_payment", StepStatus.FAILED, 1, "declined: insufficient_funds")
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .expectTimeoutIn(ShopSaga.TIMEOUT)
                .elapse(ShopSaga.AUTHORIZE_BACKOFF)
                .expectIgnored();
    }

    @Test
    void aFailingFirstLocalStepEndsTheSagaInItsStart() {
        OtherSagas sagas = new OtherSagas();
        sagas.confirms = false;

        SagaScript<String> saga = SagaScript.given(sagas.pivotless())
                .start(ORDER, ORDER)
                .expectNoCommand()
                .expectStatus(SagaStatus.COMPENSATED)
                .expectStep("confirm_order", StepStatus.FAILED, 1, "order changed")
                .expectStep("reserve_stock", StepStatus.PENDING)
                .expectFailure(Kind.STEP_FAILED, "confirm_order: order changed")
                .expectNoDeadline();

        assertThat(sagas.log).containsExactly("not confirmed", "compensated (STEP_FAILED)");
        assertThat(saga.snapshots()).isEqualTo(1);
    }

    @Test
    void aLocalStepUndoneLastEndsTheCompensationWithoutAnotherCommand() {
        OtherSagas sagas = new OtherSagas();

        SagaScript.given(sagas.pivotless())
                .start(ORDER, ORDER)
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.reserve(ORDER))
                .reply(ShopSaga.unavailable())
                .expectNoCommand()
                .expectStatus(SagaStatus.COMPENSATED)
                .expectStep("confirm_order", StepStatus.COMPENSATED)
                .expectStep("reserve_stock", StepStatus.FAILED)
                .expectFailure(Kind.STEP_FAILED, "reserve_stock: stock unavailable: sold out");

        assertThat(sagas.log).containsExactly("confirmed", "unconfirmed (STEP_FAILED)", "compensated (STEP_FAILED)");
    }
}
