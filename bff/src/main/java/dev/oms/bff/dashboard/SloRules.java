package dev.oms.bff.dashboard;

import java.math.BigDecimal;
import java.util.List;

/**
 * Generates the Prometheus recording and alerting rules of the SLO file: per leg, multi-window multi-burn-rate
 * alerts on the timed-out share (Google SRE workbook, ch. 5: page at 14.4x the budget over 1h and 5m, ticket at 6x
 * over 6h and 30m) and a latency alert when the p99 exceeds the objective over 1h and 5m. Every alert carries
 * its runbook (a path in this repository). {@code SloRulesTest} keeps {@code deploy/observability/prometheus/oms-slo-rules.yml} equal to this.
 */
public final class SloRules {
    private static final List<String> WINDOWS = List.of("5m", "30m", "1h", "6h");

    private SloRules() {}

    public static String prometheusRules(List<Slo> slos) {
        StringBuilder out = new StringBuilder("""
                # Generated from bff/src/main/resources/dashboard/slos.properties by dev.oms.bff.dashboard.SloRules:
                # do not edit; change the SLO file and run SloRulesTest with -Doms.regenerate=true.
                groups:
                  - name: oms-slo-recording
                    rules:
                """);
        for (String window : WINDOWS) {
            // 1 - answered / all, so that a leg without a single timeout has a ratio of 0 rather than no series
            out.append(record("oms:saga_step_errors:ratio_rate" + window, "1 - sum by (saga, step) (rate("
                    + "oms_saga_step_seconds_count{outcome!=\"timed_out\"}[" + window + "])) / sum by (saga, step) (rate("
                    + "oms_saga_step_seconds_count[" + window + "]))"));
        }
        for (String window : List.of("5m", "1h")) {
            out.append(record("oms:saga_step_seconds:p99_rate" + window, "histogram_quantile(0.99, sum by (saga, step, le) "
                    + "(rate(oms_saga_step_seconds_bucket{outcome!=\"timed_out\"}[" + window + "])))"));
        }
        out.append(record("oms:orders:success_ratio_rate1h", "sum(rate(oms_saga_total{saga=\"PlaceOrder\",outcome=\"completed\"}[1h]))"
                + " / sum(rate(oms_saga_total{saga=\"PlaceOrder\"}[1h]))"));
        out.append("  - name: oms-slo-alerts\n    rules:\n");
        for (Slo slo : slos) {
            out.append(burn(slo, "OmsSagaStepErrorBudgetFastBurn", "14.4", "1h", "5m", "2m", "page"));
            out.append(burn(slo, "OmsSagaStepErrorBudgetSlowBurn", "6", "6h", "30m", "15m", "ticket"));
            out.append(latency(slo));
        }
        out.append(OPERATIONS_ALERTS);
        return out.toString();
    }

    /** Alerts that need an operator whatever the SLOs say: a parked message, a saga that gave up compensating. */
    private static final String OPERATIONS_ALERTS = """
              - name: oms-operations-alerts
                rules:
                  - alert: OmsMessageDeadLettered
                    expr: sum by (consumer, reason) (increase(oms_messages_dead_lettered_total[5m])) > 0
                    labels:
                      severity: page
                    annotations:
                      summary: "{{ $labels.consumer }} parked a message ({{ $labels.reason }})"
                      description: "A consumer could not apply a message and parked it in its dead_letter table (announced on the oms.dead-letter topic); its partition flows on, the message waits for an operator."
                      runbook_url: "docs/runbooks/dead-letter.md"
                  - alert: OmsSagaNeedsOperator
                    expr: sum by (saga, step, kind) (increase(oms_saga_alerts_total[5m])) > 0
                    labels:
                      severity: page
                    annotations:
                      summary: "{{ $labels.saga }}.{{ $labels.step }}: {{ $labels.kind }}"
                      description: "A saga spent its retry budget (COMPENSATION_FAILED, or a step past the pivot that keeps failing) and waits for oms sagas retry|compensate."
                      runbook_url: "docs/runbooks/compensation-failed.md"
                  - alert: OmsWebhookEndpointDown
                    expr: max(oms_webhook_endpoints_down) > 0
                    for: 15m
                    labels:
                      severity: ticket
                    annotations:
                      summary: "{{ $value }} webhook endpoints have been failing for 15 minutes"
                      description: "Their receivers refuse or time out; each is probed with one delivery at a time and gets its pending deliveries once it answers. Deliveries give up after about a day."
                      runbook_url: "docs/webhooks.md"
                  - alert: OmsWebhookDeliveriesFailed
                    expr: max(delta(oms_webhook_deliveries{status="failed"}[15m])) > 0
                    labels:
                      severity: ticket
                    annotations:
                      summary: "Webhook deliveries were given up after their retries"
                      description: "A receiver did not take them for about a day; look at webhookDeliveries(status: FAILED) and redeliver once it is fixed."
                      runbook_url: "docs/webhooks.md"
            """;

    private static String record(String name, String expr) {
        return "      - record: " + name + "\n        expr: " + expr + "\n";
    }

    private static String burn(Slo slo, String alert, String factor, String longWindow, String shortWindow, String wait,
            String severity) {
        String threshold = new BigDecimal(factor).multiply(BigDecimal.ONE.subtract(BigDecimal.valueOf(slo.success())))
                .stripTrailingZeros().toPlainString();
        String leg = selector(slo);
        return alert(alert, "oms:saga_step_errors:ratio_rate" + longWindow + leg + " > " + threshold
                        + " and oms:saga_step_errors:ratio_rate" + shortWindow + leg + " > " + threshold, wait, severity, slo,
                "%s.%s is burning its error budget %sx too fast".formatted(slo.saga(), slo.step(), factor),
                "More than %s of %s steps timed out over %s and %s (objective: %s answered in time)."
                        .formatted(threshold, slo.step(), longWindow, shortWindow, slo.success()));
    }

    private static String latency(Slo slo) {
        String limit = BigDecimal.valueOf(slo.p99Seconds()).stripTrailingZeros().toPlainString();
        String leg = selector(slo);
        return alert("OmsSagaStepLatencyObjectiveMissed", "oms:saga_step_seconds:p99_rate1h" + leg + " > " + limit
                        + " and oms:saga_step_seconds:p99_rate5m" + leg + " > " + limit, "10m", "ticket", slo,
                "%s.%s p99 latency is above %s s".formatted(slo.saga(), slo.step(), limit),
                "The 99th percentile of %s over 1h and 5m is above its objective of %s s.".formatted(slo.step(), limit));
    }

    private static String alert(String name, String expr, String wait, String severity, Slo slo, String summary,
            String description) {
        return """
                      - alert: %s
                        expr: %s
                        for: %s
                        labels:
                          severity: %s
                          saga: %s
                          step: %s
                        annotations:
                          summary: "%s"
                          description: "%s"
                          runbook_url: "%s"
                """.formatted(name, expr, wait, severity, slo.saga(), slo.step(), summary, description,
                slo.runbook());
    }

    private static String selector(Slo slo) {
        return "{saga=\"" + slo.saga() + "\",step=\"" + slo.step() + "\"}";
    }
}
