package dev.oms.bff.graphql;

import java.util.List;

/** A problem with the client's input, as the schema's UserError: nothing was changed; clients switch on code. */
public record UserErrorView(List<String> field, String message, String code) {

    public static UserErrorView of(String field, String message, String code) {
        return new UserErrorView(field == null ? List.of() : List.of(field.split("\\.")), message, code);
    }
}
