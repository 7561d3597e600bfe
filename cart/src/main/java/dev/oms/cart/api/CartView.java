package dev.oms.cart.api;

import java.util.List;

/** A cart as clients see it; status is OPEN or CHECKED_OUT; shippingAddress may be null. */
public record CartView(String id, String customerId, String currency, String status, List<CartLineView> lines, Money total,
                       Address shippingAddress) {}
