package dev.oms.cart.api;

import java.util.List;

/** The order a checkout placed (the same one for a repeated idempotency key), or why it was refused. */
public record CheckoutResult(PlacedOrder order, List<UserError> userErrors) {

    public static CheckoutResult placed(PlacedOrder order) {
        return new CheckoutResult(order, List.of());
    }

    public static CheckoutResult refused(List<UserError> errors) {
        return new CheckoutResult(null, List.copyOf(errors));
    }
}
