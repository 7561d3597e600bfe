package dev.oms.projections.api;

import java.util.Optional;

/** Reads the order view; eventually consistent with the services that own the order's state. */
public interface OrderQueries {

    /** The order, or empty when no {@code OrderPlaced} for it has been projected yet. */
    Optional<OrderView> order(String orderId);
}
