package dev.oms.cart.api;

import java.util.List;

/** A cart as clients see it; status is OPEN or CHECKED_OUT. */
public record CartView(String id, String customerId, String currency, String status, List<CartLineView> lines, Money total) {}
