package dev.oms.cart.domain;

import dev.oms.cart.api.Address;
import dev.oms.cart.api.CheckoutInput;
import dev.oms.cart.api.ErrorCodes;
import dev.oms.cart.api.LineInput;
import dev.oms.cart.api.UserError;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** Validation of client input that needs no database: each problem becomes a {@link UserError}. */
public final class CartRules {
    public static final int MAX_QUANTITY = 1_000;
    public static final int MAX_LINES = 100;

    private CartRules() {}

    public static List<UserError> checkNewCart(String customerId, String currency) {
        List<UserError> errors = new ArrayList<>();
        if (blank(customerId)) {
            errors.add(UserError.of("input.customerId", "customerId is required", ErrorCodes.INVALID_INPUT));
        }
        if (!isIsoCurrency(currency)) {
            errors.add(UserError.of("input.currency", "currency must be an ISO 4217 code such as EUR",
                    ErrorCodes.INVALID_CURRENCY));
        }
        return errors;
    }

    /** Lines to set: as {@link #checkLines}, but a quantity of 0 (remove the line) is allowed. */
    public static List<UserError> checkLineUpdates(List<LineInput> lines) {
        List<UserError> errors = new ArrayList<>();
        List<LineInput> asAdds = new ArrayList<>();
        for (LineInput line : lines == null ? List.<LineInput>of() : lines) {
            asAdds.add(new LineInput(line.sku(), line.quantity() == 0 ? 1 : line.quantity()));
        }
        errors.addAll(checkLines(lines == null ? null : asAdds));
        return errors;
    }

    public static List<UserError> checkAddress(String field, Address a) {
        List<UserError> errors = new ArrayList<>();
        if (a == null) {
            errors.add(UserError.of(field, "an address is required", ErrorCodes.INVALID_INPUT));
            return errors;
        }
        requireField(errors, field, "name", a.name());
        requireField(errors, field, "line1", a.line1());
        requireField(errors, field, "city", a.city());
        requireField(errors, field, "postalCode", a.postalCode());
        if (a.country() == null || !a.country().matches("[A-Z]{2}")) {
            errors.add(UserError.of(field + ".country", "country must be an ISO 3166 code such as DE",
                    ErrorCodes.INVALID_INPUT));
        }
        return errors;
    }

    public static List<UserError> checkLines(List<LineInput> lines) {
        List<UserError> errors = new ArrayList<>();
        if (lines == null || lines.isEmpty()) {
            errors.add(UserError.of("lines", "at least one line is required", ErrorCodes.INVALID_INPUT));
            return errors;
        }
        if (lines.size() > MAX_LINES) {
            errors.add(UserError.of("lines", "at most " + MAX_LINES + " lines at once", ErrorCodes.INVALID_INPUT));
        }
        for (int i = 0; i < lines.size(); i++) {
            LineInput line = lines.get(i);
            if (blank(line.sku())) {
                errors.add(UserError.of("lines." + i + ".sku", "sku is required", ErrorCodes.INVALID_INPUT));
            }
            if (line.quantity() <= 0 || line.quantity() > MAX_QUANTITY) {
                errors.add(UserError.of("lines." + i + ".quantity",
                        "quantity must be between 1 and " + MAX_QUANTITY, ErrorCodes.INVALID_QUANTITY));
            }
        }
        return errors;
    }

    public static List<UserError> checkCheckout(String idempotencyKey, CheckoutInput input) {
        List<UserError> errors = new ArrayList<>();
        if (blank(idempotencyKey) || idempotencyKey.length() > 200) {
            errors.add(UserError.of("idempotencyKey", "idempotencyKey is required (at most 200 characters)",
                    ErrorCodes.INVALID_INPUT));
        }
        if (input == null) {
            errors.add(UserError.of("input", "input is required", ErrorCodes.INVALID_INPUT));
            return errors;
        }
        if (blank(input.paymentToken())) {
            errors.add(UserError.of("input.paymentToken", "paymentToken is required", ErrorCodes.INVALID_INPUT));
        }
        if (input.shippingAddress() != null) {
            errors.addAll(checkAddress("input.shippingAddress", input.shippingAddress()));
        }
        return errors;
    }

    private static void requireField(List<UserError> errors, String path, String field, String value) {
        if (blank(value)) {
            errors.add(UserError.of(path + "." + field, field + " is required", ErrorCodes.INVALID_INPUT));
        }
    }

    private static boolean isIsoCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
