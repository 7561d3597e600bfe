package dev.oms.saga;

import static dev.oms.contracts.Channels.FULFILLMENT_COMMANDS;
import static dev.oms.contracts.Channels.INVENTORY_COMMANDS;
import static dev.oms.contracts.Channels.PAYMENT_COMMANDS;
import static dev.oms.saga.ShopSaga.ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oms.contracts.inventory.v1.StockUnavailable;
import dev.oms.contracts.payment.v1.PaymentDeclined;
import dev.oms.saga.SagaFailure.Kind;
import org.junit.jupiter.api.Test;

/** Forward through every step, and a refusal at each step before the pivot undone in reverse order. */
class HappyPathAndFailuresTest {
    private final ShopSaga shop = new ShopSaga();

    private SagaScript<String> started() {
        return SagaScript.given(shop.definition()).start(ORDER, ORDER)
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.reserve(ORDER))
                .expectNoCommand()
                .expectStatus(SagaStatus.RUNNING)
                .expectStep("reserve_stock", StepStatus.RUNNING);
    }

    @Test
    void sendsEachCommandInTurnAndCompletesOnce() {
        started()
                .reply(ShopSaga.reserved())
                .expectStep("reserve_stock", StepStatus.SUCCEEDED)
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.authorize(ORDER))
                .reply(ShopSaga.authorized())
                .expectStep("confirm_order", StepStatus.SUCCEEDED)
                .expectCommand(FULFILLMENT_COMMANDS, ShopSaga.ship(ORDER))
                .reply(ShopSaga.shipmentCreated())
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.capture(ORDER))
                .reply(ShopSaga.captured())
                .expectStatus(SagaStatus.COMPLETED)
                .expectNoCommand()
                .expectSnapshots(5)
                .reply(ShopSaga.captured())
                .expectIgnored()
                .expectSnapshots(5);

        assertThat(shop.log).containsExactly("confirmed", "completed");
    }

    @Test
    void stockRefusedUndoesNothingAndEndsCompensated() {
        started()
                .reply(StockUnavailable.newBuilder().setOrderId(ORDER).setReason("SKU-1 short").build())
                .expectStatus(SagaStatus.COMPENSATED)
                .expectStep("reserve_stock", StepStatus.FAILED)
                .expectFailure(Kind.STEP_FAILED, "reserve_stock: stock unavailable: SKU-1 short")
                .expectNoCommand();

        assertThat(shop.log).containsExactly("compensated (STEP_FAILED)");
    }

    @Test
    void releasesTheStockWhenThePaymentIsDeclined() {
        started()
                .reply(ShopSaga.reserved())
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.authorize(ORDER))
                .reply(PaymentDeclined.newBuilder().setOrderId(ORDER).setCode("card_declined").build())
                .expectStatus(SagaStatus.COMPENSATING)
                .expectStep("authorize_payment", StepStatus.FAILED)
                .expectStep("reserve_stock", StepStatus.COMPENSATING)
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .reply(ShopSaga.released())
                .expectStatus(SagaStatus.COMPENSATED)
                .expectStep("reserve_stock", StepStatus.COMPENSATED)
                .expectFailure(Kind.STEP_FAILED, "authorize_payment: declined: card_declined")
                .expectNoCommand();
    }

    @Test
    void aLocalStepThatFailsUndoesTheRemoteStepsBeforeItInReverse() {
        shop.confirms = false;
        started()
                .reply(ShopSaga.reserved())
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.authorize(ORDER))
                .reply(ShopSaga.authorized())
                .expectStep("confirm_order", StepStatus.FAILED)
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER))
                .expectNoCommand()
                .reply(ShopSaga.voided())
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .reply(ShopSaga.released())
                .expectStatus(SagaStatus.COMPENSATED)
                .expectFailure(Kind.STEP_FAILED, "confirm_order: order changed");

        assertThat(shop.log).containsExactly("not confirmed", "compensated (STEP_FAILED)");
    }

    @Test
    void aRejectedShipmentUndoesTheLocalStepThenPaymentThenStock() {
        started()
                .reply(ShopSaga.reserved())
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.authorize(ORDER))
                .reply(ShopSaga.authorized())
                .expectCommand(FULFILLMENT_COMMANDS, ShopSaga.ship(ORDER))
                .reply(ShopSaga.shipmentRejected())
                .expectStep("create_shipment", StepStatus.FAILED)
                .expectStep("confirm_order", StepStatus.COMPENSATED)
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER))
                .reply(ShopSaga.voided())
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .reply(ShopSaga.released())
                .expectStatus(SagaStatus.COMPENSATED)
                .expectFailure(Kind.STEP_FAILED, "create_shipment: rejected: no carrier")
                .expectNoCommand();

        assertThat(shop.log).containsExactly("confirmed", "unconfirmed (STEP_FAILED)", "compensated (STEP_FAILED)");
    }
}
