package dev.oms.app.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StepLatenciesTest {

    /** A scrape of the saga step histogram: per outcome, cumulative counts per bound, as Micrometer exposes it. */
    private static String scrape(long fast, long middling, long slow, long timedOut) {
        String leg = "saga=\"PlaceOrder\",step=\"reserve_stock\"";
        return """
                # HELP oms_saga_step_seconds Time from dispatching a saga step to its outcome
                oms_saga_step_seconds_bucket{application="oms",outcome="succeeded",%1$s,le="0.1"} %2$d
                oms_saga_step_seconds_bucket{application="oms",outcome="succeeded",%1$s,le="0.2"} %3$d
                oms_saga_step_seconds_bucket{application="oms",outcome="succeeded",%1$s,le="1.0"} %4$d
                oms_saga_step_seconds_bucket{application="oms",outcome="succeeded",%1$s,le="+Inf"} %4$d
                oms_saga_step_seconds_count{application="oms",outcome="succeeded",%1$s} %4$d
                oms_saga_step_seconds_sum{application="oms",outcome="succeeded",%1$s} 12.5
                oms_saga_step_seconds_bucket{application="oms",outcome="timed_out",%1$s,le="0.1"} 0
                oms_saga_step_seconds_bucket{application="oms",outcome="timed_out",%1$s,le="+Inf"} %5$d
                oms_saga_step_seconds_count{application="oms",outcome="timed_out",%1$s} %5$d
                oms_saga_step_seconds_count{application="oms",outcome="succeeded",saga="PlaceOrder",step="confirm_order"} 7.0
                """.formatted(leg, fast, fast + middling, fast + middling + slow, timedOut);
    }

    @Test
    void aWindowCountsOnlyTheStepsBetweenTwoReadings() {
        Map<String, StepLatencies.Counts> before = StepLatencies.parse(scrape(100, 0, 0, 1));
        Map<String, StepLatencies.Counts> after = StepLatencies.parse(scrape(190, 0, 10, 3));

        StepLatencies.Counts window = StepLatencies.between(before, after).get("PlaceOrder.reserve_stock");

        assertThat(window.all()).isEqualTo(102);
        assertThat(window.timedOut()).isEqualTo(2);
        assertThat(window.answered()).isEqualTo(100);
        // 10 steps between 0.2 and 1.0 s, taken as spread evenly: 5 of them above 0.6 s
        assertThat(window.answeredSlowerThan(0.6)).isCloseTo(5.0, within(1e-9));
        assertThat(window.answeredSlowerThan(0.2)).isCloseTo(10.0, within(1e-9));
        assertThat(StepLatencies.between(before, after).get("PlaceOrder.confirm_order").all()).isZero();
    }

    @Test
    void theP99IsInterpolatedWithinItsBucketAsHistogramQuantileDoes() {
        StepLatencies.Counts counts = StepLatencies.parse(scrape(90, 9, 1, 0)).get("PlaceOrder.reserve_stock");
        // rank 99 of 100 is the last of the 9 steps in (0.1, 0.2]
        assertThat(counts.p99()).isCloseTo(0.2, within(1e-9));

        StepLatencies.Counts slower = StepLatencies.parse(scrape(90, 0, 10, 0)).get("PlaceOrder.reserve_stock");
        // rank 99 is the 9th of 10 steps in (0.2, 1.0]: 0.2 + 0.8 * 9/10
        assertThat(slower.p99()).isCloseTo(0.92, within(1e-9));
    }

    @Test
    void aLegThatSpendsItsLatencyBudgetTwiceAsFastBurnsAtTwo() {
        StepLatencies.Counts window = StepLatencies.parse(scrape(98, 0, 2, 0)).get("PlaceOrder.reserve_stock");
        LegVerdict verdict = LegVerdict.of(new dev.oms.bff.dashboard.Slo("PlaceOrder", "reserve_stock", 0.2, 0.999,
                "docs/runbooks/stuck-saga.md"), window);

        assertThat(verdict.latencyBurn()).isCloseTo(2.0, within(1e-9));
        assertThat(verdict.errorBurn()).isZero();
    }
}
