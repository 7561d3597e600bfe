package dev.oms.bff.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The committed Prometheus rules are the ones the SLO file generates; {@code -Doms.regenerate=true} rewrites them. */
class SloRulesTest {
    private static final Path RULES = Path.of("../deploy/observability/prometheus/oms-slo-rules.yml");

    @Test
    void committedRulesAreGeneratedFromTheSloFile() throws IOException {
        String generated = SloRules.prometheusRules(Slos.load());
        if (Boolean.getBoolean("oms.regenerate")) {
            Files.createDirectories(RULES.getParent());
            Files.writeString(RULES, generated);
        }
        assertThat(RULES).as("run SloRulesTest with -Doms.regenerate=true after changing the SLO file")
                .hasContent(generated);
    }

    @Test
    void everyLegHasAFastAndASlowBurnAlertAndALatencyAlertWithItsRunbook() {
        List<Slo> slos = Slos.load();
        String rules = SloRules.prometheusRules(slos);

        assertThat(slos).extracting(Slo::step).contains("reserve_stock", "authorize_payment", "capture_payment");
        for (Slo slo : slos) {
            String leg = "{saga=\"" + slo.saga() + "\",step=\"" + slo.step() + "\"}";
            assertThat(rules).contains("oms:saga_step_errors:ratio_rate1h" + leg, "oms:saga_step_errors:ratio_rate6h" + leg,
                    "oms:saga_step_seconds:p99_rate1h" + leg, "runbook_url: \"" + slo.runbook() + "\"");
            assertThat(Path.of("..").resolve(slo.runbook())).exists();
        }
    }

    @Test
    void fastBurnThresholdIsFourteenPointFourTimesTheErrorBudget() {
        String rules = SloRules.prometheusRules(List.of(new Slo("S", "s", 0.1, 0.999, "docs/runbooks/stuck-saga.md")));

        assertThat(rules).contains("oms:saga_step_errors:ratio_rate1h{saga=\"S\",step=\"s\"} > 0.0144 and "
                + "oms:saga_step_errors:ratio_rate5m{saga=\"S\",step=\"s\"} > 0.0144");
        assertThat(rules).contains("> 0.006 and oms:saga_step_errors:ratio_rate30m");
    }
}
