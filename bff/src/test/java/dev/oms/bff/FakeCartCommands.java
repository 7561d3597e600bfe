package dev.oms.bff;

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
import dev.oms.cart.api.PlacedOrder;
import dev.oms.cart.api.UserError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory cart service with the real one's error codes for the cases the tests drive. */
final class FakeCartCommands implements CartCommands {
    private static final Map<String, String> NAMES = Map.of("SKU-1", "Anvil", "SKU-3", "Chisel");
    private static final Map<String, Long> PRICES = Map.of("SKU-1", 4_999L, "SKU-3", 899L);

    private final Map<String, CartView> carts = new ConcurrentHashMap<>();
    private final Map<String, PlacedOrder> ordersByKey = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    @Override
    public CartResult createCart(String customerId, String currency) {
        if (currency.equals("XXX")) {
            throw new dev.oms.remote.ServiceUnavailableException("cart", "cart did not answer: timed out", null);
        }
        if (!currency.matches("[A-Z]{3}")) {
            return CartResult.refused(List.of(UserError.of("input.currency", "unknown currency", ErrorCodes.INVALID_CURRENCY)));
        }
        CartView cart = new CartView("cart-" + ids.incrementAndGet(), customerId, currency, "OPEN", List.of(),
                new Money(0, currency), null);
        carts.put(cart.id(), cart);
        return CartResult.ok(cart);
    }

    @Override
    public CartResult addLines(String cartId, List<LineInput> lines) {
        CartView cart = carts.get(cartId);
        if (cart == null) {
            return CartResult.refused(List.of(UserError.of("cartId", "no cart " + cartId, ErrorCodes.CART_NOT_FOUND)));
        }
        List<CartLineView> all = new ArrayList<>(cart.lines());
        for (LineInput line : lines) {
            if (!PRICES.containsKey(line.sku())) {
                return CartResult.refused(List.of(UserError.of("lines.sku", "unknown sku " + line.sku(), ErrorCodes.UNKNOWN_SKU)));
            }
            Money unit = new Money(PRICES.get(line.sku()), cart.currency());
            all.add(new CartLineView(line.sku(), NAMES.get(line.sku()), line.quantity(), unit, unit.times(line.quantity())));
        }
        Money total = all.stream().map(CartLineView::lineTotal).reduce(new Money(0, cart.currency()), Money::plus);
        CartView updated = new CartView(cart.id(), cart.customerId(), cart.currency(), cart.status(), all, total,
                cart.shippingAddress());
        carts.put(cartId, updated);
        return CartResult.ok(updated);
    }

    @Override
    public CartResult updateLines(String cartId, List<LineInput> lines) {
        CartView cart = carts.get(cartId);
        if (cart == null) {
            return CartResult.refused(List.of(UserError.of("cartId", "no cart " + cartId, ErrorCodes.CART_NOT_FOUND)));
        }
        List<CartLineView> kept = new ArrayList<>();
        for (CartLineView line : cart.lines()) {
            int quantity = lines.stream().filter(l -> l.sku().equals(line.sku())).mapToInt(LineInput::quantity)
                    .findFirst().orElse(line.quantity());
            if (quantity > 0) {
                kept.add(new CartLineView(line.sku(), line.name(), quantity, line.unitPrice(), line.unitPrice().times(quantity)));
            }
        }
        return replaceLines(cart, kept);
    }

    @Override
    public CartResult removeLines(String cartId, List<String> skus) {
        CartView cart = carts.get(cartId);
        if (cart == null) {
            return CartResult.refused(List.of(UserError.of("cartId", "no cart " + cartId, ErrorCodes.CART_NOT_FOUND)));
        }
        return replaceLines(cart, cart.lines().stream().filter(l -> !skus.contains(l.sku())).toList());
    }

    @Override
    public CartResult setShippingAddress(String cartId, Address address) {
        CartView cart = carts.get(cartId);
        if (cart == null) {
            return CartResult.refused(List.of(UserError.of("cartId", "no cart " + cartId, ErrorCodes.CART_NOT_FOUND)));
        }
        CartView updated = new CartView(cart.id(), cart.customerId(), cart.currency(), cart.status(), cart.lines(),
                cart.total(), address);
        carts.put(cartId, updated);
        return CartResult.ok(updated);
    }

    private CartResult replaceLines(CartView cart, List<CartLineView> lines) {
        Money total = lines.stream().map(CartLineView::lineTotal).reduce(new Money(0, cart.currency()), Money::plus);
        CartView updated = new CartView(cart.id(), cart.customerId(), cart.currency(), cart.status(), lines, total,
                cart.shippingAddress());
        carts.put(cart.id(), updated);
        return CartResult.ok(updated);
    }

    @Override
    public Optional<CartView> cart(String cartId) {
        return Optional.ofNullable(carts.get(cartId));
    }

    @Override
    public CheckoutResult checkout(String cartId, String idempotencyKey, CheckoutInput input) {
        CartView cart = carts.get(cartId);
        if (cart == null) {
            return CheckoutResult.refused(List.of(UserError.of("cartId", "no cart " + cartId, ErrorCodes.CART_NOT_FOUND)));
        }
        if (cart.lines().isEmpty()) {
            return CheckoutResult.refused(List.of(UserError.of("cartId", "the cart is empty", ErrorCodes.CART_EMPTY)));
        }
        return CheckoutResult.placed(ordersByKey.computeIfAbsent(idempotencyKey, key -> {
            carts.put(cartId, new CartView(cart.id(), cart.customerId(), cart.currency(), "CHECKED_OUT", cart.lines(),
                    cart.total(), cart.shippingAddress()));
            return new PlacedOrder("order-for-" + cartId + "-" + input.shippingAddress().country(), "PENDING");
        }));
    }
}
