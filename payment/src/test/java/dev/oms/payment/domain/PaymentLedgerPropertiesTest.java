package dev.oms.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oms.payment.api.Money;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** Any sequence of captures, refunds and releases, accepted or refused, leaves a ledger that adds up. */
class PaymentLedgerPropertiesTest {

    /** One operation of a random sequence: its kind and amount. */
    record Operation(String kind, long amount) {}

    @Property
    void theLedgerAddsUpAfterEveryOperationAndARefusalChangesNothing(
            @ForAll @LongRange(min = 1, max = 100_000) long authorized, @ForAll("operations") List<Operation> operations) {
        PaymentLedger ledger = PaymentLedger.authorized(new Money(authorized, "EUR"));
        for (Operation operation : operations) {
            PaymentLedger before = ledger;
            try {
                ledger = apply(ledger, operation);
            } catch (PaymentLedgerException refused) {
                assertThat(ledger).isSameAs(before);
            }
            assertThat(ledger.captured() + ledger.voided()).isLessThanOrEqualTo(ledger.authorized());
            assertThat(ledger.refunded()).isLessThanOrEqualTo(ledger.captured());
            assertThat(ledger.netPaid()).isBetween(0L, authorized);
            assertThat(ledger.authorized()).isEqualTo(authorized);
            assertThat(ledger.captured()).isGreaterThanOrEqualTo(before.captured());
            assertThat(ledger.refunded()).isGreaterThanOrEqualTo(before.refunded());
        }
    }

    @Property
    void partialCapturesAndRefundsSumToWhatWasAsked(@ForAll @LongRange(min = 2, max = 100_000) long authorized) {
        long first = authorized / 2;
        PaymentLedger ledger = PaymentLedger.authorized(new Money(authorized, "EUR"))
                .capture(new Money(first, "EUR"))
                .capture(new Money(authorized - first, "EUR"))
                .refund(new Money(first, "EUR"));

        assertThat(ledger.captured()).isEqualTo(authorized);
        assertThat(ledger.netPaid()).isEqualTo(authorized - first);
        assertThat(ledger.capturable()).isZero();
        assertThatThrownBy(() -> PaymentLedger.authorized(new Money(authorized, "EUR")).capture(new Money(authorized + 1, "EUR")))
                .isInstanceOf(PaymentLedgerException.class);
    }

    @Property
    void nothingIsCapturedOnceTheRestIsReleased(@ForAll @LongRange(min = 2, max = 100_000) long authorized) {
        PaymentLedger ledger = PaymentLedger.authorized(new Money(authorized, "EUR"))
                .capture(new Money(1, "EUR")).releaseUncaptured();

        assertThat(ledger.voided()).isEqualTo(authorized - 1);
        assertThatThrownBy(() -> ledger.capture(new Money(1, "EUR"))).isInstanceOf(PaymentLedgerException.class);
        assertThatThrownBy(() -> ledger.refund(new Money(1, "USD"))).isInstanceOf(PaymentLedgerException.class);
    }

    @Provide
    Arbitrary<List<Operation>> operations() {
        Arbitrary<Operation> operation = Arbitraries.of("capture", "refund", "release", "capture-usd")
                .flatMap(kind -> Arbitraries.longs().between(-10, 120_000).map(amount -> new Operation(kind, amount)));
        return operation.list().ofMaxSize(12);
    }

    private static PaymentLedger apply(PaymentLedger ledger, Operation operation) {
        return switch (operation.kind()) {
            case "capture" -> ledger.capture(new Money(operation.amount(), "EUR"));
            case "capture-usd" -> ledger.capture(new Money(operation.amount(), "USD"));
            case "refund" -> ledger.refund(new Money(operation.amount(), "EUR"));
            default -> ledger.releaseUncaptured();
        };
    }
}
