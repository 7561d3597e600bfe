package dev.oms.cart.api;

import java.util.List;

/** One problem with a client's input: the field path, a readable message and a stable code. */
public record UserError(List<String> field, String message, String code) {

    public static UserError of(String field, String message, String code) {
        return new UserError(field == null ? List.of() : List.of(field.split("\\.")), message, code);
    }
}
