package dev.oms.bff.cart;

import dev.oms.cart.api.CartCommands;
import dev.oms.cart.api.CartLineView;
import dev.oms.cart.api.CartResult;
import dev.oms.cart.api.CartView;
import dev.oms.cart.api.CheckoutInput;
import dev.oms.cart.api.CheckoutResult;
import dev.oms.cart.api.LineInput;
import dev.oms.cart.api.Money;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Bad input comes back from the cart service as user errors, which the payloads carry to the client as they are. */
@Controller
class CartController {
    private final CartCommands carts;

    CartController(CartCommands carts) {
        this.carts = carts;
    }

    @MutationMapping
    CartResult cartCreate(@Argument CartCreateInput input) {
        return carts.createCart(input.customerId(), input.currency());
    }

    @MutationMapping
    CartResult cartLinesAdd(@Argument String cartId, @Argument List<LineInput> lines) {
        return carts.addLines(cartId, lines);
    }

    @MutationMapping
    CheckoutResult checkoutComplete(@Argument String cartId, @Argument String idempotencyKey,
            @Argument CheckoutInput input) {
        return carts.checkout(cartId, idempotencyKey, input);
    }

    @QueryMapping
    CartView cart(@Argument String id) {
        return carts.cart(id).orElse(null);
    }

    @SchemaMapping(typeName = "CartLine", field = "total")
    Money lineTotal(CartLineView line) {
        return line.lineTotal();
    }
}
