package dev.oms.bff.cart;

import dev.oms.bff.auth.Caller;
import dev.oms.bff.auth.Callers;
import dev.oms.bff.auth.ForbiddenException;
import dev.oms.bff.graphql.MutationSpans;
import dev.oms.bff.graphql.Unavailable;
import dev.oms.cart.api.Address;
import dev.oms.cart.api.CartCommands;
import dev.oms.cart.api.CartLineView;
import dev.oms.cart.api.CartResult;
import dev.oms.cart.api.CartView;
import dev.oms.cart.api.CheckoutInput;
import dev.oms.cart.api.CheckoutResult;
import dev.oms.cart.api.ErrorCodes;
import dev.oms.cart.api.LineInput;
import dev.oms.cart.api.Money;
import dev.oms.cart.api.UserError;
import java.util.List;
import java.util.Optional;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Bad input comes back from the cart service as user errors, which the payloads carry to the client as they are; a
 * cart service that does not answer is one too (SERVICE_UNAVAILABLE).
 * A cart the caller may not see is answered exactly like one that does not exist: null, or CART_NOT_FOUND.
 */
@Controller
class CartController {
    private final CartCommands carts;

    CartController(CartCommands carts) {
        this.carts = carts;
    }

    @MutationMapping
    CartResult cartCreate(@Argument CartCreateInput input) {
        Caller caller = Callers.current().requireSignedIn();
        String customerId = input.customerId() != null ? input.customerId()
                : caller.isCustomer() ? caller.subject() : null;
        if (customerId == null) {
            return CartResult.refused(List.of(UserError.of("input.customerId", "an operator must name the customer",
                    ErrorCodes.INVALID_INPUT)));
        }
        if (!caller.actsFor(customerId)) {
            throw new ForbiddenException("a customer may create carts only for themselves");
        }
        return refusedIfUnavailable(() -> carts.createCart(customerId, input.currency()));
    }

    @MutationMapping
    CartResult cartLinesAdd(@Argument String cartId, @Argument List<LineInput> lines) {
        return refusedIfUnavailable(() -> visible(cartId).isPresent() ? carts.addLines(cartId, lines)
                : CartResult.refused(notFound(cartId)));
    }

    @MutationMapping
    CartResult cartLinesUpdate(@Argument String cartId, @Argument List<LineInput> lines) {
        return refusedIfUnavailable(() -> visible(cartId).isPresent() ? carts.updateLines(cartId, lines)
                : CartResult.refused(notFound(cartId)));
    }

    @MutationMapping
    CartResult cartLinesRemove(@Argument String cartId, @Argument List<String> skus) {
        return refusedIfUnavailable(() -> visible(cartId).isPresent() ? carts.removeLines(cartId, skus)
                : CartResult.refused(notFound(cartId)));
    }

    @MutationMapping
    CartResult cartShippingAddressUpdate(@Argument String cartId, @Argument Address address) {
        return refusedIfUnavailable(() -> visible(cartId).isPresent() ? carts.setShippingAddress(cartId, address)
                : CartResult.refused(notFound(cartId)));
    }

    @MutationMapping
    CheckoutResult checkoutComplete(@Argument String cartId, @Argument String idempotencyKey,
            @Argument CheckoutInput input) {
        return MutationSpans.traced("checkoutComplete", () -> Unavailable.orRefused(() -> visible(cartId).isPresent()
                ? carts.checkout(cartId, idempotencyKey, input) : CheckoutResult.refused(notFound(cartId)),
                message -> CheckoutResult.refused(unavailable(message))));
    }

    @QueryMapping
    CartView cart(@Argument String id) {
        return visible(id).orElse(null);
    }

    @SchemaMapping(typeName = "CartLine", field = "total")
    Money lineTotal(CartLineView line) {
        return line.lineTotal();
    }

    private Optional<CartView> visible(String cartId) {
        Caller caller = Callers.current().requireSignedIn();
        return carts.cart(cartId).filter(cart -> caller.actsFor(cart.customerId()));
    }

    private static CartResult refusedIfUnavailable(java.util.function.Supplier<CartResult> call) {
        return Unavailable.orRefused(call, message -> CartResult.refused(unavailable(message)));
    }

    private static List<UserError> unavailable(String message) {
        return List.of(UserError.of(null, message, dev.oms.bff.graphql.ErrorCodes.SERVICE_UNAVAILABLE));
    }

    /** The cart service's own answer for an unknown cart, word for word. */
    private static List<UserError> notFound(String cartId) {
        return List.of(UserError.of("cartId", "no cart " + cartId, ErrorCodes.CART_NOT_FOUND));
    }
}
