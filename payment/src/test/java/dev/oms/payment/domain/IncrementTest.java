package dev.oms.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oms.payment.api.Money;
import org.junit.jupiter.api.Test;

class IncrementTest {
    private final Money fiveHundred = new Money(500, "EUR");
    private final Increment authorized = Increment.authorized("order-1", "edit-1", fiveHundred, "auth-1");
    private final Payment captured = Payment.authorizing("order-1", "pay-1", new Money(4990, "EUR"))
            .authorized("auth-0").captured();

    @Test
    void aHeldIncrementIsCapturedOrReleasedOnce() {
        assertThat(authorized.captured().status()).isEqualTo(IncrementStatus.CAPTURED);
        assertThat(authorized.voided().status()).isEqualTo(IncrementStatus.VOIDED);
        assertThatThrownBy(() -> authorized.captured().voided()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> authorized.voided().captured()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Increment.releasedUnauthorized("order-1", "edit-1", "EUR").captured())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyACapturedIncrementIsRefundedAndNeverBeyondItsAmount() {
        assertThat(authorized.refundable()).isZero();
        Increment refunded = authorized.captured().refunded(200);

        assertThat(refunded.refundable()).isEqualTo(300);
        assertThatThrownBy(() -> refunded.refunded(301)).isInstanceOf(PaymentLedgerException.class);
        assertThatThrownBy(() -> authorized.refunded(1)).isInstanceOf(PaymentLedgerException.class);
    }

    @Test
    void theIncrementsOfAPaymentAddUpInItsLedger() {
        Payment grown = captured.incremented(fiveHundred);
        assertThat(grown.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(grown.amount().amount()).isEqualTo(5490);
        assertThat(grown.ledger().capturable()).isEqualTo(500);

        assertThat(grown.incrementCaptured(fiveHundred).ledger().captured()).isEqualTo(5490);
        PaymentLedger released = grown.incrementReleased(fiveHundred).ledger();
        assertThat(released.voided()).isEqualTo(500);
        assertThat(released.capturable()).isZero();
    }

    @Test
    void onlyACapturedPaymentTakesIncrements() {
        Payment authorizedOnly = Payment.authorizing("order-1", "pay-1", new Money(4990, "EUR")).authorized("auth-0");

        assertThat(authorizedOnly.takesIncrements()).isFalse();
        assertThat(captured.refunded(new Money(1, "EUR")).takesIncrements()).isTrue();
        assertThat(captured.refunded().takesIncrements()).isFalse();
        assertThatThrownBy(() -> authorizedOnly.incremented(fiveHundred)).isInstanceOf(IllegalStateException.class);
    }
}
