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
}
