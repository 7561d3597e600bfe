package dev.oms.cart.api;

import dev.oms.contracts.Idempotent;
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

    @Idempotent
    Optional<CartView> cart(String cartId);

    /** Sets the quantity of lines already in the cart; a quantity of 0 removes the line. */
    @Idempotent
    CartResult updateLines(String cartId, List<LineInput> lines);

    @Idempotent
    CartResult removeLines(String cartId, List<String> skus);

    /** The address the order ships to unless the checkout gives another. */
    @Idempotent
    CartResult setShippingAddress(String cartId, Address address);

    /**
     * Freezes the cart and requests the order (shipping to the input's address, else the cart's). The same idempotency key with the same cart returns the same
     * order; with another cart it is refused with {@link ErrorCodes#IDEMPOTENCY_KEY_REUSED}.
     */
    @Idempotent
    CheckoutResult checkout(String cartId, String idempotencyKey, CheckoutInput input);
}
