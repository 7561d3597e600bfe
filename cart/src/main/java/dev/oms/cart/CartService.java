package dev.oms.cart;

import dev.oms.contracts.cart.v1.CheckoutCompleted;
import dev.oms.contracts.cart.v1.ProductListed;
import dev.oms.cart.adapters.CartRepository;
import dev.oms.cart.adapters.CartRepository.CartRow;
import dev.oms.cart.adapters.CartRepository.Checkout;
import dev.oms.cart.api.Address;
import dev.oms.cart.api.CartCommands;
import dev.oms.cart.api.CartResult;
import dev.oms.cart.api.CartView;
import dev.oms.cart.api.CatalogItem;
import dev.oms.cart.api.CheckoutInput;
import dev.oms.cart.api.CheckoutResult;
import dev.oms.cart.api.ErrorCodes;
import dev.oms.cart.api.LineInput;
import dev.oms.cart.api.PlacedOrder;
import dev.oms.cart.api.UserError;
import dev.oms.cart.domain.CartRules;
import dev.oms.cart.domain.CartStatus;
import dev.oms.messaging.ServiceRuntime;
import dev.oms.messaging.TransactionContext;
import dev.oms.messaging.TransactionFailedException;
import dev.oms.messaging.Transactions;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The cart service: implements {@link CartCommands} on its own schema; checkout emits CheckoutCompleted. */
public final class CartService implements CartCommands {
    public static final String NAME = "cart";
    private static final String UNIQUE_VIOLATION = "23505";

    private final Transactions transactions;
    private final CartRepository carts = new CartRepository();

    private CartService(Transactions transactions) {
        this.transactions = transactions;
    }

    /** The cart service consumes nothing; it only needs its runtime's transactions and outbox. */
    public static CartService register(ServiceRuntime runtime) {
        runtime.produces(CheckoutCompleted.getDefaultInstance(), ProductListed.getDefaultInstance());
        return new CartService(runtime.transactions());
    }

    /** Lists the items that are not in the catalog yet (a restart never changes existing prices). */
    public void seedCatalog(List<CatalogItem> items) {
        transactions.inTransaction(tx -> {
            for (CatalogItem item : items) {
                if (carts.insertProductIfAbsent(tx.connection(), item)) {
                    tx.publish(item.sku(), CheckoutEvents.productListed(item));
                }
            }
            return null;
        });
    }

    @Override
    public CartResult createCart(String customerId, String currency) {
        List<UserError> errors = CartRules.checkNewCart(customerId, currency);
        if (!errors.isEmpty()) {
            return CartResult.refused(errors);
        }
        return transactions.inTransaction(tx -> {
            UUID id = UUID.randomUUID();
            carts.insertCart(tx.connection(), id, customerId, currency, tx.now());
            return CartResult.ok(carts.view(tx.connection(), new CartRow(id, customerId, currency, CartStatus.OPEN, null)));
        });
    }

    @Override
    public CartResult addLines(String cartId, List<LineInput> lines) {
        List<UserError> errors = CartRules.checkLines(lines);
        if (!errors.isEmpty()) {
            return CartResult.refused(errors);
        }
        return transactions.inTransaction(tx -> {
            Optional<CartRow> cart = findCart(tx, cartId, true);
            if (cart.isEmpty()) {
                return CartResult.refused(List.of(cartNotFound(cartId)));
            }
            if (cart.get().status() != CartStatus.OPEN) {
                return CartResult.refused(List.of(cartNotOpen()));
            }
            Map<String, CatalogItem> products = carts.products(tx.connection(), lines.stream().map(LineInput::sku).toList());
            List<UserError> problems = productProblems(lines, products, cart.get().currency());
            if (!problems.isEmpty()) {
                return CartResult.refused(problems);
            }
            for (LineInput line : lines) {
                carts.addQuantity(tx.connection(), cart.get().id(), line.sku(), line.quantity(), tx.now());
            }
            return CartResult.ok(carts.view(tx.connection(), cart.get()));
        });
    }

    @Override
    public CartResult updateLines(String cartId, List<LineInput> lines) {
        List<UserError> errors = CartRules.checkLineUpdates(lines);
        if (!errors.isEmpty()) {
            return CartResult.refused(errors);
        }
        return onOpenCart(cartId, (tx, cart) -> {
            List<UserError> missing = new java.util.ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (!carts.setQuantity(tx.connection(), cart.id(), lines.get(i).sku(), lines.get(i).quantity())) {
                    missing.add(lineNotFound("lines." + i + ".sku", lines.get(i).sku()));
                }
            }
            return missing;
        });
    }

    @Override
    public CartResult removeLines(String cartId, List<String> skus) {
        if (skus == null || skus.isEmpty()) {
            return CartResult.refused(List.of(UserError.of("skus", "at least one SKU is required", ErrorCodes.INVALID_INPUT)));
        }
        return onOpenCart(cartId, (tx, cart) -> {
            List<UserError> missing = new java.util.ArrayList<>();
            for (int i = 0; i < skus.size(); i++) {
                if (!carts.setQuantity(tx.connection(), cart.id(), skus.get(i), 0)) {
                    missing.add(lineNotFound("skus." + i, skus.get(i)));
                }
            }
            return missing;
        });
    }

    @Override
    public CartResult setShippingAddress(String cartId, Address address) {
        List<UserError> errors = CartRules.checkAddress("address", address);
        if (!errors.isEmpty()) {
            return CartResult.refused(errors);
        }
        return onOpenCart(cartId, (tx, cart) -> {
            carts.setShippingAddress(tx.connection(), cart.id(), address, tx.now());
            return List.of();
        });
    }

    /** Changes an open cart; the change's problems refuse it whole (the transaction rolls back). */
    private CartResult onOpenCart(String cartId, CartChange change) {
        try {
            return transactions.inTransaction(tx -> {
                Optional<CartRow> cart = findCart(tx, cartId, true);
                if (cart.isEmpty()) {
                    return CartResult.refused(List.of(cartNotFound(cartId)));
                }
                if (cart.get().status() != CartStatus.OPEN) {
                    return CartResult.refused(List.of(cartNotOpen()));
                }
                List<UserError> problems = change.apply(tx, cart.get());
                if (!problems.isEmpty()) {
                    throw new RefusedChange(problems);
                }
                return CartResult.ok(carts.view(tx.connection(), carts.findCart(tx.connection(), cart.get().id(), false).orElseThrow()));
            });
        } catch (RefusedChange refused) {
            return CartResult.refused(refused.problems);
        }
    }

    @FunctionalInterface
    private interface CartChange {
        List<UserError> apply(TransactionContext tx, CartRow cart) throws SQLException;
    }

    /** Rolls a cart change back when part of it was refused. */
    private static final class RefusedChange extends RuntimeException {
        private final List<UserError> problems;

        RefusedChange(List<UserError> problems) {
            super(null, null, false, false);
            this.problems = problems;
        }
    }

    private static UserError lineNotFound(String field, String sku) {
        return UserError.of(field, "the cart has no line for " + sku, ErrorCodes.LINE_NOT_FOUND);
    }

    @Override
    public Optional<CartView> cart(String cartId) {
        return transactions.inTransaction(tx -> {
            Optional<CartRow> cart = findCart(tx, cartId, false);
            return cart.isEmpty() ? Optional.empty() : Optional.of(carts.view(tx.connection(), cart.get()));
        });
    }

    @Override
    public CheckoutResult checkout(String cartId, String idempotencyKey, CheckoutInput input) {
        List<UserError> errors = CartRules.checkCheckout(idempotencyKey, input);
        if (!errors.isEmpty()) {
            return CheckoutResult.refused(errors);
        }
        try {
            return transactions.inTransaction(tx -> checkoutOnce(tx, cartId, idempotencyKey, input));
        } catch (TransactionFailedException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            // A concurrent checkout took this key first: decide again now that its row is visible.
            return transactions.inTransaction(tx -> checkoutOnce(tx, cartId, idempotencyKey, input));
        }
    }

    private CheckoutResult checkoutOnce(TransactionContext tx, String cartId, String key, CheckoutInput input)
            throws SQLException {
        Optional<CartRow> found = findCart(tx, cartId, true);
        if (found.isEmpty()) {
            return CheckoutResult.refused(List.of(cartNotFound(cartId)));
        }
        CartRow cart = found.get();
        Optional<Checkout> earlier = carts.findCheckout(tx.connection(), key);
        if (earlier.isPresent()) {
            return earlier.get().cartId().equals(cart.id())
                    ? CheckoutResult.placed(new PlacedOrder(earlier.get().orderId().toString(), "PENDING"))
                    : CheckoutResult.refused(List.of(UserError.of("idempotencyKey",
                            "this idempotency key was already used for another cart", ErrorCodes.IDEMPOTENCY_KEY_REUSED)));
        }
        if (!cart.status().canBecome(CartStatus.CHECKED_OUT)) {
            return CheckoutResult.refused(List.of(cartNotOpen()));
        }
        CartView view = carts.view(tx.connection(), cart);
        if (view.lines().isEmpty()) {
            return CheckoutResult.refused(List.of(UserError.of("cartId", "the cart is empty", ErrorCodes.CART_EMPTY)));
        }
        Address shipTo = input.shippingAddress() != null ? input.shippingAddress() : cart.shippingAddress();
        if (shipTo == null) {
            return CheckoutResult.refused(List.of(UserError.of("input.shippingAddress",
                    "shippingAddress is required (the cart has none)", ErrorCodes.INVALID_INPUT)));
        }
        UUID orderId = UUID.randomUUID();
        carts.insertCheckout(tx.connection(), key, cart.id(), orderId, tx.now());
        carts.markCheckedOut(tx.connection(), cart.id(), tx.now());
        tx.publish(orderId.toString(), CheckoutEvents.checkoutCompleted(orderId, key, view, input.paymentToken(), shipTo));
        return CheckoutResult.placed(new PlacedOrder(orderId.toString(), "PENDING"));
    }

    private Optional<CartRow> findCart(TransactionContext tx, String cartId, boolean lock) throws SQLException {
        UUID id;
        try {
            id = UUID.fromString(cartId);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        return carts.findCart(tx.connection(), id, lock);
    }

    private static List<UserError> productProblems(List<LineInput> lines, Map<String, CatalogItem> products, String currency) {
        java.util.ArrayList<UserError> problems = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            CatalogItem product = products.get(lines.get(i).sku());
            if (product == null) {
                problems.add(UserError.of("lines." + i + ".sku", "unknown SKU " + lines.get(i).sku(), ErrorCodes.UNKNOWN_SKU));
            } else if (!product.price().currency().equals(currency)) {
                problems.add(UserError.of("lines." + i + ".sku", product.sku() + " is priced in "
                        + product.price().currency() + ", the cart in " + currency, ErrorCodes.CURRENCY_MISMATCH));
            }
        }
        return problems;
    }

    private static UserError cartNotFound(String cartId) {
        return UserError.of("cartId", "no cart " + cartId, ErrorCodes.CART_NOT_FOUND);
    }

    private static UserError cartNotOpen() {
        return UserError.of("cartId", "the cart is already checked out", ErrorCodes.CART_NOT_OPEN);
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
