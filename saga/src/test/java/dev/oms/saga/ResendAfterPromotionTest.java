package dev.oms.saga;

import static dev.oms.contracts.Channels.INVENTORY_COMMANDS;
import static dev.oms.contracts.Channels.PAYMENT_COMMANDS;
import static dev.oms.saga.ShopSaga.ORDER;

import org.junit.jupiter.api.Test;

/**
 * A region was lost with the commands and replies in its broker, and the other region's services start long after
 * every deadline passed. Asked to resend on start, a saga sends what it waits for again with a fresh budget, and goes
 * on when answered, where it would otherwise time out: a reservation would be released and the order cancelled.
 */
class ResendAfterPromotionTest {
    private final ShopSaga shop = new ShopSaga();

    @Test
    void aReservationLostWithTheOtherRegionIsAskedForAgainInsteadOfTimingOut() {
        shop.started()
                .restartedAfterPromotion(ShopSaga.TIMEOUT.multipliedBy(3))
                .expectStatus(SagaStatus.RUNNING)
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.reserve(ORDER))
                .expectNoCommand()
                .expectTimeoutIn(ShopSaga.TIMEOUT)
                .reply(ShopSaga.reserved())
                .expectStep("reserve_stock", StepStatus.SUCCEEDED, 2, null)
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.authorize(ORDER));
    }

    @Test
    void aCompensationInFlightIsSentAgainToo() {
        shop.started()
                .elapse(ShopSaga.TIMEOUT)
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .expectStatus(SagaStatus.COMPENSATING)
                .restartedAfterPromotion(ShopSaga.TIMEOUT.multipliedBy(3))
                .expectStatus(SagaStatus.COMPENSATING)
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .expectNoCommand()
                .reply(ShopSaga.released())
                .expectStatus(SagaStatus.COMPENSATED);
    }

    @Test
    void endedSagasSendNothing() {
        shop.started()
                .elapse(ShopSaga.TIMEOUT)
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .reply(ShopSaga.released())
                .expectStatus(SagaStatus.COMPENSATED)
                .restartedAfterPromotion(ShopSaga.TIMEOUT.multipliedBy(3))
                .expectIgnored();
    }
}
