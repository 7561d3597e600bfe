package dev.oms.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {

    @Test
    void combinesTheSagaAndTheCommand() {
        assertThat(IdempotencyKeys.of("saga-7", "order-1", "AuthorizePayment")).isEqualTo("saga-7:AuthorizePayment");
    }

    @Test
    void fallsBackToTheOrderOutsideASaga() {
        assertThat(IdempotencyKeys.of(null, "order-1", "CapturePayment")).isEqualTo("order-1:CapturePayment");
        assertThat(IdempotencyKeys.of(" ", "order-1", "CapturePayment")).isEqualTo("order-1:CapturePayment");
    }

    @Test
    void namesAnOperationAndTheAuthorizationsItSpreadsOver() {
        String refund = IdempotencyKeys.of("saga-7", "order-1", "RefundPayment", "edit-2");
        assertThat(refund).isEqualTo("saga-7:RefundPayment:edit-2");
        assertThat(IdempotencyKeys.onAuthorization(refund, "auth-9")).isEqualTo("saga-7:RefundPayment:edit-2:auth-9");
        assertThat(IdempotencyKeys.releaseOf("order-1", "edit-2")).isEqualTo("order-1:ReleaseIncrement:edit-2");
    }
}
