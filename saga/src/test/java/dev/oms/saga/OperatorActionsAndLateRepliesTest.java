package dev.oms.saga;

import static dev.oms.contracts.Channels.FULFILLMENT_COMMANDS;
import static dev.oms.contracts.Channels.INVENTORY_COMMANDS;
import static dev.oms.contracts.Channels.PAYMENT_COMMANDS;
import static dev.oms.saga.ShopSaga.ORDER;
import static dev.oms.saga.ShopSaga.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oms.contracts.notification.v1.NotificationSent;
import dev.oms.saga.SagaFailure.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An operator's retry and compensate, and replies that come late, twice, of the wrong type or for another saga. */
class OperatorActionsAndLateRepliesTest {
    private final ShopSaga shop = new ShopSaga();

    private SagaScript<String> authorizing() {
        return SagaScript.given(shop.definition()).start(ORDER, ORDER)
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.reserve(ORDER))
                .reply(ShopSaga.reserved())
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.authorize(ORDER));
    }

    private SagaScript<String> compensationFailed() {
        SagaScript<String> saga = authorizing()
                .compensate("stop")
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER));
        for (int attempt = 2; attempt <= 3; attempt++) {
            saga.elapse(TIMEOUT).elapse(Duration.ofSeconds(4)).expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER));
        }
        return saga.elapse(TIMEOUT).expectStatus(SagaStatus.COMPENSATION_FAILED);
    }

    @Test
    void retryingARunningSagaSendsTheAwaitedCommandNowWithAFreshBudget() {
        authorizing()
                .expectWaitAttempts(1)
                .retry()
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.authorize(ORDER))
                .expectWaitAttempts(1)
                .expectStep("authorize_payment", StepStatus.RUNNING)
                .reply(ShopSaga.authorized())
                .expectCommand(FULFILLMENT_COMMANDS, ShopSaga.ship(ORDER));
    }

    @Test
    void retryingAFailedCompensationReopensItAndSendsItAgain() {
        compensationFailed()
                .retry()
                .expectStatus(SagaStatus.COMPENSATING)
                .expectNoAlert()
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER))
                .reply(ShopSaga.voided())
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .reply(ShopSaga.released())
                .expectStatus(SagaStatus.COMPENSATED);
    }

    @Test
    void compensatingAFailedCompensationRetriesIt() {
        compensationFailed()
                .compensate("again")
                .expectStatus(SagaStatus.COMPENSATING)
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER));
    }

    @Test
    void anEndedSagaIsNotRetriedOrCompensated() {
        SagaScript<String> saga = authorizing().compensate("stop")
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER))
                .reply(ShopSaga.voided())
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .reply(ShopSaga.released())
                .expectStatus(SagaStatus.COMPENSATED);

        saga.retry().expectIgnored();
        saga.compensate("again").expectIgnored();
        assertThat(saga.compensateUnknownFindsASaga()).isFalse();
    }

    @Test
    void compensatingBeforeThePivotUndoesTheStepInFlightTooAsRequested() {
        authorizing()
                .compensate("compensated by an operator")
                .expectStep("authorize_payment", StepStatus.COMPENSATING)
                .expectFailure(Kind.REQUESTED, "compensated by an operator")
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER))
                .reply(ShopSaga.voided())
                .expectStep("authorize_payment", StepStatus.COMPENSATED)
                .expectCommand(INVENTORY_COMMANDS, ShopSaga.release(ORDER))
                .reply(ShopSaga.released())
                .expectStatus(SagaStatus.COMPENSATED);

        assertThat(shop.log).containsExactly("compensated (REQUESTED)");
    }

    @Test
    void anAnswerToAStepThatWasAlreadyUndoneChangesNothing() {
        authorizing()
                .compensate("stop")
                .expectCommand(PAYMENT_COMMANDS, ShopSaga.voidIt(ORDER))
                .reply(ShopSaga.authorized())
                .expectIgnored()
                .expectStatus(SagaStatus.COMPENSATING);
    }

    @Test
    void aDuplicateAReplyOfAnotherStepAndAReplyOfNoStepChangeNothing() {
        SagaScript<String> saga = authorizing();

        saga.reply(ShopSaga.reserved()).expectIgnored();
        saga.reply(ShopSaga.released()).expectIgnored();
        saga.reply(NotificationSent.newBuilder().setOrderId(ORDER).build()).expectIgnored();
        saga.expectStep("authorize_payment", StepStatus.RUNNING).expectSnapshots(2);
    }

    @Test
    void aReplyForASagaOfAnotherDefinitionIsLeftToOthers() {
        SagaScript<String> saga = authorizing();

        assertThat(saga.replyForAnotherSaga(ShopSaga.authorized())).isFalse();
        saga.expectStep("authorize_payment", StepStatus.RUNNING);
    }
}
