package dev.oms.bff.ratelimit;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rate limits as configured ({@code oms.rate-limits.*}, set from the OMS_RATE_LIMIT* variables in
 * application.properties); {@link #settings} checks them.
 *
 * @param enabled {@code on} or {@code off} (OMS_RATE_LIMITS)
 * @param customer a customer's limit, per subject (OMS_RATE_LIMIT_CUSTOMER)
 * @param ops an operator's limit, per subject (OMS_RATE_LIMIT_OPS)
 * @param anonymous the limit of callers without a token, per client address (OMS_RATE_LIMIT_ANONYMOUS)
 * @param maxBuckets the most callers remembered at once (OMS_RATE_LIMIT_MAX_BUCKETS)
 */
@ConfigurationProperties("oms.rate-limits")
record RateLimitProperties(
        @DefaultValue("on") String enabled,
        @DefaultValue("capacity=4000,refill=2000/s") String customer,
        @DefaultValue("capacity=20000,refill=10000/s") String ops,
        @DefaultValue("capacity=4000,refill=1000/s") String anonymous,
        @DefaultValue("100000") String maxBuckets) {

    /** The checked settings, or an IllegalStateException naming the variable that is wrong. */
    Settings settings(int maxComplexity) {
        boolean on = switch (enabled.trim().toLowerCase(Locale.ROOT)) {
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw new IllegalStateException(
                    "OMS_RATE_LIMITS (oms.rate-limits.enabled)=\"" + enabled + "\" must be on or off");
        };
        Map<CallerClass, Limit> limits = new EnumMap<>(CallerClass.class);
        limits.put(CallerClass.CUSTOMER, limit(customer, "customer", maxComplexity));
        limits.put(CallerClass.OPS, limit(ops, "ops", maxComplexity));
        limits.put(CallerClass.ANONYMOUS, limit(anonymous, "anonymous", maxComplexity));
        long buckets;
        try {
            buckets = Long.parseLong(maxBuckets.trim());
        } catch (NumberFormatException e) {
            buckets = 0;
        }
        if (buckets < 1) {
            throw new IllegalStateException("OMS_RATE_LIMIT_MAX_BUCKETS (oms.rate-limits.max-buckets)=\"" + maxBuckets
                    + "\" must be a positive number");
        }
        return new Settings(on, Collections.unmodifiableMap(limits), buckets);
    }

    private static Limit limit(String spec, String callerClass, int maxComplexity) {
        String variable = "OMS_RATE_LIMIT_" + callerClass.toUpperCase(Locale.ROOT)
                + " (oms.rate-limits." + callerClass + ")";
        Limit limit = Limit.parse(spec, variable);
        if (limit.capacity() < maxComplexity) {
            throw new IllegalStateException(variable + "=\"" + spec + "\": the capacity is below the most an operation"
                    + " may cost (oms.graphql.max-complexity=" + maxComplexity + "), so such an operation could never run");
        }
        return limit;
    }

    /**
     * @param enabled whether operations are charged at all
     * @param limits the limit of each caller class
     * @param maxBuckets the most buckets kept; beyond, the least recently used are forgotten
     */
    record Settings(boolean enabled, Map<CallerClass, Limit> limits, long maxBuckets) {}
}
