package dev.oms.payment.api;

import java.util.Objects;

/** An amount in minor units of an ISO 4217 currency. */
public record Money(long amount, String currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    /** True for an amount a card can be charged: above zero, in a three-letter currency. */
    public boolean isChargeable() {
        return amount > 0 && currency.matches("[A-Z]{3}");
    }
}
