package dev.oms.messaging.release;

import java.util.function.Supplier;

/**
 * One consumer's side of a release: its colour, where it reads the route, and the route version its group last
 * assigned partitions under. The consumer's loop asks {@link #rebalanceDue()} after each poll: a route newer than
 * that version means the group must share its partitions again ({@link ReleaseAssignor} does the sharing).
 */
public final class ReleaseMembership {
    private final ReleaseColor color;
    private final Supplier<ReleaseRoute> routes;
    private volatile long assignedVersion;
    private volatile long advertisedVersion;

    /** A member of {@code color} that reads the route from {@code routes} (e.g. {@link ReleaseRoutes#current}). */
    public ReleaseMembership(ReleaseColor color, Supplier<ReleaseRoute> routes) {
        this.color = color;
        this.routes = routes;
    }

    /** Outside any release: blue, no route. */
    public static ReleaseMembership unrouted() {
        return new ReleaseMembership(ReleaseColor.BLUE, () -> ReleaseRoute.NONE);
    }

    public ReleaseColor color() {
        return color;
    }

    /** True when the route changed since the group last shared its partitions, and this member has not asked yet. */
    public boolean rebalanceDue() {
        long version = routes.get().version();
        return version > Math.max(assignedVersion, advertisedVersion);
    }

    /** The route this member brings to the next sharing (called by the assignor when the consumer joins). */
    ReleaseRoute advertise() {
        ReleaseRoute route = routes.get();
        advertisedVersion = route.version();
        return route;
    }

    void assignedUnder(long version) {
        assignedVersion = version;
    }
}
