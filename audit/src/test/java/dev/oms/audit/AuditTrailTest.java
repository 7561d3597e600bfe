package dev.oms.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditTrailTest {
    private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

    private static AuditedMessage message(String type, int second, AuditedMessage cause) {
        return new AuditedMessage(UUID.randomUUID(), type, "oms.events", T0.plusSeconds(second),
                cause == null ? null : cause.messageId(), null, "test", "{}");
    }

    @Test
    void keepsTheOrderMessagesHappenedInWhenEveryCauseCameFirst() {
        AuditedMessage checkout = message("CheckoutCompleted", 0, null);
        AuditedMessage placed = message("OrderPlaced", 1, checkout);
        AuditedMessage reserve = message("ReserveStock", 1, checkout);
        AuditedMessage reserved = message("StockReserved", 2, reserve);

        assertThat(AuditTrail.causally(List.of(checkout, placed, reserve, reserved)))
                .containsExactly(checkout, placed, reserve, reserved);
    }

    @Test
    void putsAReplyStampedBeforeItsCommandByAnotherClockAfterIt() {
        AuditedMessage checkout = message("CheckoutCompleted", 0, null);
        AuditedMessage reserve = message("ReserveStock", 5, checkout);
        AuditedMessage reserved = message("StockReserved", 3, reserve);
        AuditedMessage authorize = message("AuthorizePayment", 4, reserved);
        AuditedMessage unrelated = message("ShipmentStatusChanged", 4, null);

        assertThat(AuditTrail.causally(List.of(checkout, reserved, authorize, unrelated, reserve)))
                .containsExactly(checkout, unrelated, reserve, reserved, authorize);
    }

    @Test
    void keepsAMessageWhoseCauseIsNotInTheTrail() {
        AuditedMessage orphan = message("StockReleased", 0, message("ReleaseStock", 0, null));

        assertThat(AuditTrail.causally(List.of(orphan))).containsExactly(orphan);
    }

    @Test
    void losesNoMessageOfACorruptLogWhoseCausesFormACycle() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        AuditedMessage a = new AuditedMessage(first, "A", "oms.events", T0, second, null, "test", "{}");
        AuditedMessage b = new AuditedMessage(second, "B", "oms.events", T0, first, null, "test", "{}");

        assertThat(AuditTrail.causally(List.of(a, b))).containsExactlyInAnyOrder(a, b);
    }
}
