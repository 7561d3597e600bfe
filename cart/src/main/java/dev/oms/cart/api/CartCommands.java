package dev.oms.cart.api;

import java.util.List;
import java.util.Optional;

/**
 * What clients can ask of the cart service. Every method either does all it was asked or nothing, and
 * reports bad input as {@link UserError}s with stable codes (see {@link ErrorCodes}), never as exceptions.
 * In the all-in-one JVM the service itself implements this; distributed, an HTTP client would.
 */
public interface CartCommands {

    CartResult createCart(String customerId, String currency);

    CartResult addLines(String cartId, List<LineInput> lines);

    Optional<CartView> cart(String cartId);

    /**
     * Freezes the cart and requests the order. The same idempotency key with the same cart returns the same
     * order; with another cart it is refused with {@link ErrorCodes#IDEMPOTENCY_KEY_REUSED}.
     */
    CheckoutResult checkout(String cartId, String idempotencyKey, CheckoutInput input);
}
