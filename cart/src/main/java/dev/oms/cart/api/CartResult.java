package dev.oms.cart.api;

import java.util.List;

/** The cart after a command, or the reasons it was refused (then cart is null and nothing changed). */
public record CartResult(CartView cart, List<UserError> userErrors) {

    public static CartResult ok(CartView cart) {
        return new CartResult(cart, List.of());
    }

    public static CartResult refused(List<UserError> errors) {
        return new CartResult(null, List.copyOf(errors));
    }
}
