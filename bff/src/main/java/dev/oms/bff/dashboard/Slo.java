package dev.oms.bff.dashboard;

/**
 * The objective of one saga leg.
 *
 * @param p99Seconds the step's 99th percentile latency stays below this
 * @param success the share of steps answered within their timeout, e.g. 0.999
 * @param runbook the repository path of what an operator does when the leg misses its objective
 */
public record Slo(String saga, String step, double p99Seconds, double success, String runbook) {

    /** The share of steps that may time out: 1 - success. */
    public double errorBudget() {
        return 1 - success;
    }
}
