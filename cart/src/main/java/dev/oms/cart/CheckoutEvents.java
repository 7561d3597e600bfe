package dev.oms.cart;

import dev.oms.cart.api.Address;
import dev.oms.cart.api.CartLineView;
import dev.oms.cart.api.CartView;
import dev.oms.cart.api.CatalogItem;
import dev.oms.cart.api.Money;
import dev.oms.contracts.cart.v1.CheckoutCompleted;
import dev.oms.contracts.cart.v1.ProductListed;
import dev.oms.contracts.common.v1.OrderLine;
import java.util.UUID;

/** Builds the cart service's events from its records. */
final class CheckoutEvents {
    private CheckoutEvents() {}

    static CheckoutCompleted checkoutCompleted(UUID orderId, String idempotencyKey, CartView cart, String paymentToken,
                                               Address shipTo) {
        CheckoutCompleted.Builder event = CheckoutCompleted.newBuilder()
                .setOrderId(orderId.toString())
                .setCartId(cart.id())
                .setCustomerId(cart.customerId())
                .setTotal(money(cart.total()))
                .setPaymentToken(paymentToken)
                .setShippingAddress(address(shipTo))
                .setIdempotencyKey(idempotencyKey);
        for (CartLineView line : cart.lines()) {
            event.addLines(OrderLine.newBuilder().setSku(line.sku()).setQuantity(line.quantity())
                    .setUnitPrice(money(line.unitPrice())));
        }
        return event.build();
    }

    static ProductListed productListed(CatalogItem item) {
        return ProductListed.newBuilder().setSku(item.sku()).setName(item.name()).setPrice(money(item.price())).build();
    }

    private static dev.oms.contracts.common.v1.Money money(Money money) {
        return dev.oms.contracts.common.v1.Money.newBuilder().setAmount(money.amount()).setCurrency(money.currency()).build();
    }

    private static dev.oms.contracts.common.v1.Address address(Address a) {
        return dev.oms.contracts.common.v1.Address.newBuilder().setName(a.name()).setLine1(a.line1()).setCity(a.city())
                .setPostalCode(a.postalCode()).setCountry(a.country()).build();
    }
}
