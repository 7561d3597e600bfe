package dev.oms.bff.graphql;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Refuses, before its resolver runs, a field whose arguments hold text no user types: a control character (NUL among
 * them, which PostgreSQL refuses in text) other than tab, line feed and carriage return, or half of a surrogate pair.
 * Checked once here for every argument, literal or variable, nested in input objects and lists, so that no resolver
 * needs to and none hands such text to a service or a database.
 */
@Component
class ControlCharacters extends SimplePerformantInstrumentation {

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        if (parameters.getEnvironment().getArguments().isEmpty()) {
            return dataFetcher;
        }
        return env -> {
            for (Map.Entry<String, Object> argument : env.getArguments().entrySet()) {
                check(argument.getKey(), argument.getValue());
            }
            return dataFetcher.get(env);
        };
    }

    private static void check(String argument, Object value) {
        if (value instanceof String text) {
            int bad = firstUnwanted(text);
            if (bad >= 0) {
                throw new BadArgumentException(String.format("%s holds a character that is not text (U+%04X at %d)",
                        argument, (int) text.charAt(bad), bad));
            }
        } else if (value instanceof Map<?, ?> fields) {
            fields.forEach((name, field) -> check(argument + "." + name, field));
        } else if (value instanceof Collection<?> items) {
            items.forEach(item -> check(argument, item));
        }
    }

    /** The index of the first character that is not text, or -1. */
    static int firstUnwanted(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
            boolean loneSurrogate = Character.isHighSurrogate(c)
                    ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
            if (control || loneSurrogate) {
                return i;
            }
        }
        return -1;
    }
}
