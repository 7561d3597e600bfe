package dev.oms.saga;

import static dev.oms.contracts.Channels.FULFILLMENT_COMMANDS;
import static dev.oms.contracts.Channels.INVENTORY_COMMANDS;
import static dev.oms.contracts.Channels.PAYMENT_COMMANDS;
import static dev.oms.saga.ShopSaga.ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oms.saga.SagaScript.Seen;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The listener (which publishes the saga's snapshot) is told of every saved transition, in its transaction and with
 * the saved version; a stimulus that changes nothing saves nothing and tells it nothing.
 */
class ListenerTest {
    private final ShopSaga shop = new ShopSaga();

    @Test
    void theListenerIsToldOfEachStepOfTheWayForwardWithTheSavedVersion() {
        SagaScript<String> saga = shop.waitingForCapture().reply(ShopSaga.captured());

        assertThat(saga.seen()).containsExactly(
                new Seen(SagaStatus.RUNNING, 1, "reserve_stock"),
                new Seen(SagaStatus.RUNNING, 2, "authorize_payment"),
                new Seen(SagaStatus.RUNNING, 3, "create_shipment"),
                new Seen(SagaStatus.RUNNING, 4, "capture_payment"),
                new Seen(SagaStatus.COMPLETED, 5, "capture_payment"));
        assertThat(saga.saga().version()).isEqualTo(5);
        assertThat(saga.snapshots()).isEqualTo(5);
    }

    @Test
    void theListenerIsToldOfEachStepOfTheWayBack() {
        SagaScript<String> saga = shop.waitingForShipment()
                .reply(ShopSaga.shipmentRejected())
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER))
                .reply(ShopSaga.voided())
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .reply(ShopSaga.released());

        assertThat(saga.seen()).containsExactly(
                new Seen(SagaStatus.RUNNING, 1, "reserve_stock"),
                new Seen(SagaStatus.RUNNING, 2, "authorize_payment"),
                new Seen(SagaStatus.RUNNING, 3, "create_shipment"),
                new Seen(SagaStatus.COMPENSATING, 4, "authorize_payment"),
                new Seen(SagaStatus.COMPENSATING, 5, "reserve_stock"),
                new Seen(SagaStatus.COMPENSATED, 6, "reserve_stock"));
    }

    @Test
    void timersAndOperatorActionsAreSavedAndToldLikeReplies() {
        SagaScript<String> saga = shop.waitingForAuthorization()
                .elapse(ShopSaga.TIMEOUT)
                .elapse(ShopSaga.AUTHORIZE_BACKOFF)
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.authorize(ORDER))
                .retry()
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.authorize(ORDER))
                .compensate("cancelled by customer")
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER));

        assertThat(saga.seen()).containsExactly(
                new Seen(SagaStatus.RUNNING, 1, "reserve_stock"),
                new Seen(SagaStatus.RUNNING, 2, "authorize_payment"),
                new Seen(SagaStatus.RUNNING, 3, "authorize_payment"),
                new Seen(SagaStatus.RUNNING, 4, "authorize_payment"),
                new Seen(SagaStatus.RUNNING, 5, "authorize_payment"),
                new Seen(SagaStatus.COMPENSATING, 6, "authorize_payment"));
    }

    @Test
    void aStimulusThatChangesNothingSavesNothingAndTellsNothing() {
        SagaScript<String> saga = shop.waitingForShipment()
                .compensate("cancelled by customer");
        int told = saga.snapshots();
        long version = saga.saga().version();

        saga.reply(ShopSaga.reserved()).expectIgnored()                      // a duplicate
                .reply(ShopSaga.captured()).expectIgnored()                   // a type the step does not expect
                .reply(ShopSaga.released()).expectIgnored()                   // a compensation reply while running
                .elapse(ShopSaga.TIMEOUT.minusMillis(1)).expectIgnored()      // no timer due yet
                .compensate("compensated by an operator").expectIgnored();   // a compensation already waits
        assertThat(saga.deliver("no-such-saga", ShopSaga.shipmentCreated())).isFalse();

        assertThat(saga.snapshots()).isEqualTo(told);
        assertThat(saga.saga().version()).isEqualTo(version);

        saga.reply(ShopSaga.shipmentCreated())
                .expectCommand(FULFILLMENT_COMMANDS, ShopSaga.cancelShipment(ORDER));
        assertThat(saga.snapshots()).isEqualTo(told + 1);
    }

    @Test
    void anEndedSagaSavesNothingMoreWhateverHappens() {
        SagaScript<String> saga = shop.waitingForCapture().reply(ShopSaga.captured());
        int told = saga.snapshots();

        saga.reply(ShopSaga.captured()).expectIgnored()
                .retry().expectIgnored()
                .compensate("cancelled by customer").expectIgnored()
                .elapse(Duration.ofDays(30)).expectIgnored();

        assertThat(saga.snapshots()).isEqualTo(told);
    }
}
