package dev.oms.bff.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a token lets its subject do; the {@code role} claim carries it in lower case. */
public enum Role {
    /** The subject is a customer id: the caller sees and changes only that customer's carts and orders. */
    CUSTOMER,
    /** An operator: every order and cart, sagas, inventory and metrics. */
    OPS;

    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromClaim(String claim) {
        return Arrays.stream(values()).filter(role -> role.claim().equals(claim)).findFirst();
    }
}
