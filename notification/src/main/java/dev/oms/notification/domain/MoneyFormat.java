package dev.oms.notification.domain;

import java.math.BigDecimal;
import java.util.Currency;

/** Amounts as customers read them, from minor units: 4990 EUR is "49.90 EUR", 500 JPY is "500 JPY". */
public final class MoneyFormat {
    private MoneyFormat() {}

    public static String format(long minorUnits, String currencyCode) {
        return BigDecimal.valueOf(minorUnits, fractionDigits(currencyCode)).toPlainString() + " " + currencyCode;
    }

    /** As {@link #format(long, String)} from a parameter's text; a malformed amount is the sender's bug. */
    public static String format(String minorUnits, String currencyCode) {
        try {
            return format(Long.parseLong(minorUnits.trim()), currencyCode);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("amount must be an integer of minor units, was '" + minorUnits + "'", e);
        }
    }

    private static int fractionDigits(String currencyCode) {
        try {
            // -1 for pseudo-currencies such as XAU: no minor unit
            return Math.max(0, Currency.getInstance(currencyCode).getDefaultFractionDigits());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("not an ISO 4217 currency: '" + currencyCode + "'", e);
        }
    }
}
