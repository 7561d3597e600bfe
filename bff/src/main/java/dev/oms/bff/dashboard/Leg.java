package dev.oms.bff.dashboard;

/**
 * One saga leg against its objective.
 *
 * @param timedOut steps that got no answer within their timeout: the errors the success objective counts
 * @param success answered / all, or null before any step ended
 * @param meetsLatency the p99 is within the objective (or there is no sample yet)
 * @param meetsSuccess the success share is within the objective (or there is no sample yet)
 */
public record Leg(String saga, String step, long count, long timedOut, Double success, Latency latency, Slo slo,
        boolean meetsLatency, boolean meetsSuccess) {

    static Leg of(Slo slo, long count, long timedOut, Latency latency) {
        Double success = count == 0 ? null : (double) (count - timedOut) / count;
        return new Leg(slo.saga(), slo.step(), count, timedOut, success, latency, slo,
                latency.p99() == null || latency.p99() <= slo.p99Seconds(), success == null || success >= slo.success());
    }
}
