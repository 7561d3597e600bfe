package dev.oms.remote;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.ConnectException;
import java.net.http.HttpHeaders;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A caller's view of a service's blue/green release. Every copy of the service announces the route it reads from its
 * database on each answer ({@link #HEADER}: green's share in %, then the route's version); the caller keeps the
 * newest it has seen and sends a call to green when the call's key falls in green's share. The key is the call's
 * first text argument (a cart, an order, a SKU), so one entity's calls stay on one side at a given share, and a
 * key on green stays there as the share grows.
 */
final class ReleaseRouting {
    /** The response header a command server announces its service's route in: {@code "<percent> <version>"}. */
    static final String HEADER = "Oms-Release-Route";

    private record Route(int greenPercent, long version) {}

    private final AtomicReference<Route> route = new AtomicReference<>(new Route(0, 0));

    /** Learns the route an answer announced, if newer than the one known. */
    void learn(HttpHeaders headers) {
        Optional<String> announced = headers.firstValue(HEADER);
        if (announced.isEmpty()) {
            return;
        }
        String[] parts = announced.get().trim().split(" ");
        if (parts.length != 2) {
            return;
        }
        try {
            Route heard = new Route(Math.max(0, Math.min(100, Integer.parseInt(parts[0]))), Long.parseLong(parts[1]));
            route.accumulateAndGet(heard, (known, fresh) -> fresh.version() > known.version() ? fresh : known);
        } catch (NumberFormatException e) {
            // an answer from a copy that announces something else: ignore it, keep the route known
        }
    }

    /** Whether a call with these arguments goes to green. */
    boolean toGreen(Object[] args) {
        int percent = route.get().greenPercent();
        if (percent <= 0) {
            return false;
        }
        if (percent >= 100) {
            return true;
        }
        Object key = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
        int bucket = key == null ? ThreadLocalRandom.current().nextInt(100) : Math.floorMod(key.hashCode(), 100);
        return bucket < percent;
    }

    int greenPercent() {
        return route.get().greenPercent();
    }

    /** Green could not be reached at all (refused, or its circuit open): nothing ran there, blue may take the call. */
    static boolean neverReached(ServiceUnavailableException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException
                    || cause instanceof CallNotPermittedException) {
                return true;
            }
        }
        return false;
    }
}
