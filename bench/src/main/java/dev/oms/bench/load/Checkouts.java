package dev.oms.bench.load;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * A way to turn a planned order into a checkout the order service will start a PlaceOrder saga for. The future
 * fails with a {@link CheckoutFailedException} naming what went wrong.
 */
public interface Checkouts extends AutoCloseable {

    CompletableFuture<Placed> place(PlannedOrder order);

    /**
     * A checkout that was accepted.
     *
     * @param checkoutAt when the checkout was committed as far as the bench knows it; null when the platform's own
     *                   record of it (the cart's checkout row) is the one to use
     */
    record Placed(String orderId, Instant checkoutAt) {}

    @Override
    void close();
}
