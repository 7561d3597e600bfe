package dev.oms.bff.ratelimit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bucket's size and how fast it fills again.
 *
 * @param capacity the most cost a caller may spend at once (a burst)
 * @param refillPerSecond the cost a caller may spend per second, sustained
 */
public record Limit(long capacity, double refillPerSecond) {
    private static final Pattern SPEC = Pattern.compile(
            "\\s*capacity\\s*=\\s*(\\d+)\\s*,\\s*refill\\s*=\\s*(\\d+(?:\\.\\d+)?)\\s*/\\s*s\\s*");

    public Limit {
        if (capacity < 1 || !(refillPerSecond > 0) || Double.isInfinite(refillPerSecond)) {
            throw new IllegalArgumentException("capacity and refill must be positive");
        }
    }

    /** Parses {@code capacity=2000,refill=200/s}; a bad one names {@code variable}, where it came from. */
    static Limit parse(String spec, String variable) {
        Matcher m = spec == null ? null : SPEC.matcher(spec);
        if (m == null || !m.matches()) {
            throw new IllegalStateException(variable + "=\"" + spec
                    + "\" is not a rate limit; write it as capacity=<cost>,refill=<cost>/s, e.g. capacity=2000,refill=200/s");
        }
        try {
            return new Limit(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(variable + "=\"" + spec + "\": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        String refill = refillPerSecond == Math.rint(refillPerSecond)
                ? Long.toString((long) refillPerSecond) : Double.toString(refillPerSecond);
        return "capacity=" + capacity + ",refill=" + refill + "/s";
    }
}
