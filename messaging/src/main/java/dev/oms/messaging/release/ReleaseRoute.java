package dev.oms.messaging.release;

/**
 * The share of a service's partitions its green copies consume, and the version of that decision (every change
 * bumps it, so consumers can tell a new route from the one they were assigned under).
 */
public record ReleaseRoute(int greenPercent, long version) {
    /** No release under way: every partition to blue. */
    public static final ReleaseRoute NONE = new ReleaseRoute(0, 0);

    public ReleaseRoute {
        if (greenPercent < 0 || greenPercent > 100) {
            throw new IllegalArgumentException("greenPercent must be 0..100, not " + greenPercent);
        }
    }

    /**
     * How many of a topic's {@code partitions} green takes: none at 0 %, all at 100 %, otherwise the nearest whole
     * number but at least one (a 10 % canary gets a partition) and never all (blue keeps one until 100 %).
     */
    public int greenPartitions(int partitions) {
        if (greenPercent == 0 || partitions == 0) {
            return 0;
        }
        if (greenPercent == 100) {
            return partitions;
        }
        long nearest = Math.round(partitions * greenPercent / 100.0);
        return (int) Math.max(1, Math.min(partitions - 1, nearest));
    }
}
