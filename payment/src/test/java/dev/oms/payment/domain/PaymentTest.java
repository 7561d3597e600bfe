package dev.oms.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oms.payment.api.Money;
import org.junit.jupiter.api.Test;

class PaymentTest {
    private final Payment authorizing = Payment.authorizing("order-1", "pay-1", new Money(1250, "EUR"));

    @Test
    void anApprovedAuthorizationCanBeCapturedOrVoided() {
        Payment authorized = authorizing.authorized("auth-1");

        assertThat(authorized.captured().status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(authorized.voided().status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(authorized.captured().authorizationId()).isEqualTo("auth-1");
    }

    @Test
    void aDeclinedPaymentCannotBeCaptured() {
        Payment declined = authorizing.declined("card_declined", "the card was declined");

        assertThatThrownBy(declined::captured)
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo(PaymentStatus.DECLINED);
                    assertThat(e.to()).isEqualTo(PaymentStatus.CAPTURED);
                });
    }

    @Test
    void aCapturedPaymentCannotBeVoided() {
        Payment captured = authorizing.authorized("auth-1").captured();

        assertThatThrownBy(captured::voided).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aVoidedPaymentCannotBeCaptured() {
        Payment voided = authorizing.authorized("auth-1").voided();

        assertThatThrownBy(voided::captured).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void onlyAPaymentBeingAuthorizedCanBeAuthorizedOrDeclined() {
        Payment authorized = authorizing.authorized("auth-1");

        assertThatThrownBy(() -> authorized.authorized("auth-2")).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> authorized.declined("x", "y")).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aPaymentWhoseAuthorizationWasNeverAnsweredCanBeVoided() {
        Payment voided = authorizing.voided();

        assertThat(voided.status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(voided.wasApproved()).isFalse();
        assertThat(authorizing.authorized("auth-1").voided().wasApproved()).isTrue();
    }

    @Test
    void aCapturedPaymentCanBeRefundedOnce() {
        Payment refunded = authorizing.authorized("auth-1").captured().refunded();

        assertThat(refunded.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(refunded.status().wasCaptured()).isTrue();
        assertThatThrownBy(refunded::refunded).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> authorizing.authorized("auth-1").refunded()).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void refundsFollowOnlyACapture() {
        assertThat(PaymentStatus.CAPTURED.canMoveTo(PaymentStatus.REFUNDED)).isTrue();
        assertThat(PaymentStatus.CAPTURED.canMoveTo(PaymentStatus.PARTIALLY_REFUNDED)).isTrue();
        assertThat(PaymentStatus.PARTIALLY_REFUNDED.canMoveTo(PaymentStatus.REFUNDED)).isTrue();
        assertThat(PaymentStatus.AUTHORIZED.canMoveTo(PaymentStatus.REFUNDED)).isFalse();
        assertThat(PaymentStatus.REFUNDED.canMoveTo(PaymentStatus.PARTIALLY_REFUNDED)).isFalse();
    }

    @Test
    void terminalStatusesLeadNowhere() {
        for (PaymentStatus terminal : new PaymentStatus[] {PaymentStatus.DECLINED, PaymentStatus.VOIDED, PaymentStatus.REFUNDED}) {
            for (PaymentStatus next : PaymentStatus.values()) {
                assertThat(terminal.canMoveTo(next)).as(terminal + " -> " + next).isFalse();
            }
        }
    }
}
