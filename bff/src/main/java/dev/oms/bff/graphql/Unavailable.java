package dev.oms.bff.graphql;

import dev.oms.remote.ServiceUnavailableException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A mutation whose service does not answer (down, too slow, its circuit open) is refused like any other: a user error
 * with code SERVICE_UNAVAILABLE in its payload, which the client may send again (with the same idempotency key).
 */
public final class Unavailable {
    private Unavailable() {}

    public static <T> T orRefused(Supplier<T> call, Function<String, T> refused) {
        try {
            return call.get();
        } catch (ServiceUnavailableException e) {
            return refused.apply("The " + e.service() + " service is unavailable; try again in a moment");
        }
    }
}
