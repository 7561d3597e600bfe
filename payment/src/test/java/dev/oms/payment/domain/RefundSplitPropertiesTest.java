package dev.oms.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oms.payment.api.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** A refund spread over an order's authorizations: never beyond any one's refundable, always exactly what was asked. */
class RefundSplitPropertiesTest {

    @Property
    void theSplitNeverExceedsAnAuthorizationAndSumsToTheRefund(@ForAll("sources") List<RefundSplit.Source> sources,
                                                               @ForAll @LongRange(min = 1, max = 60_000) long asked) {
        long refundable = sources.stream().mapToLong(RefundSplit.Source::refundable).sum();
        Assume.that(asked <= refundable);

        RefundSplit split = RefundSplit.of(asked, sources);

        assertThat(split.total()).isEqualTo(asked);
        assertThat(split.parts()).allSatisfy(part -> {
            assertThat(part.amount()).isPositive();
            assertThat(part.amount()).isLessThanOrEqualTo(sourceOf(sources, part.authorizationId()).refundable());
        });
        // in the sources' order, each one emptied before the next gives anything
        List<String> touched = split.parts().stream().map(RefundSplit.Part::authorizationId).toList();
        List<String> givers = sources.stream().filter(s -> s.refundable() > 0).map(RefundSplit.Source::authorizationId)
                .toList();
        assertThat(givers).startsWith(touched.toArray(String[]::new));
        for (int i = 0; i < split.parts().size() - 1; i++) {
            RefundSplit.Part part = split.parts().get(i);
            assertThat(part.amount()).isEqualTo(sourceOf(sources, part.authorizationId()).refundable());
        }
    }

    @Property
    void moreThanIsRefundableIsRefused(@ForAll("sources") List<RefundSplit.Source> sources,
                                       @ForAll @LongRange(min = 1, max = 1_000) long beyond) {
        long refundable = sources.stream().mapToLong(RefundSplit.Source::refundable).sum();

        assertThatThrownBy(() -> RefundSplit.of(refundable + beyond, sources))
                .isInstanceOf(PaymentLedgerException.class);
    }

    @Property
    void everythingRefundsEachAuthorizationWhatIsLeftOnIt(@ForAll("sources") List<RefundSplit.Source> sources) {
        RefundSplit split = RefundSplit.everything(sources);

        assertThat(split.total()).isEqualTo(sources.stream().mapToLong(RefundSplit.Source::refundable).sum());
        assertThat(split.parts()).allSatisfy(part -> assertThat(part.amount())
                .isEqualTo(sourceOf(sources, part.authorizationId()).refundable()));
    }

    @Test
    void theOriginalGivesFirstThenTheIncrementsInTheirOrder() {
        Payment payment = Payment.authorizing("order-1", "pay-1", new Money(4990, "EUR")).authorized("auth-0")
                .captured().incremented(new Money(500, "EUR")).incrementCaptured(new Money(500, "EUR"))
                .incremented(new Money(300, "EUR")).incrementCaptured(new Money(300, "EUR"))
                .refunded(new Money(100, "EUR")); // taken from the original
        List<Increment> increments = List.of(
                Increment.authorized("order-1", "edit-1", new Money(500, "EUR"), "auth-1").captured(),
                Increment.authorized("order-1", "edit-2", new Money(300, "EUR"), "auth-2").captured().refunded(50));
        Payment after = payment.refunded(new Money(50, "EUR")); // ledger: 150 refunded, 50 of them on edit-2

        List<RefundSplit.Source> sources = RefundSplit.sources(after, increments);

        assertThat(sources).containsExactly(new RefundSplit.Source("auth-0", 4990 - 100),
                new RefundSplit.Source("auth-1", 500), new RefundSplit.Source("auth-2", 250));
        assertThat(RefundSplit.of(5200, sources).parts()).containsExactly(new RefundSplit.Part("auth-0", 4890),
                new RefundSplit.Part("auth-1", 310));
    }

    @Provide
    Arbitrary<List<RefundSplit.Source>> sources() {
        return Arbitraries.longs().between(0, 10_000).list().ofMinSize(1).ofMaxSize(6)
                .map(amounts -> IntStream.range(0, amounts.size())
                        .mapToObj(i -> new RefundSplit.Source("auth-" + i, amounts.get(i)))
                        .collect(ArrayList<RefundSplit.Source>::new, ArrayList::add, ArrayList::addAll));
    }

    private static RefundSplit.Source sourceOf(List<RefundSplit.Source> sources, String authorizationId) {
        return sources.stream().filter(s -> s.authorizationId().equals(authorizationId)).findFirst().orElseThrow();
    }
}
