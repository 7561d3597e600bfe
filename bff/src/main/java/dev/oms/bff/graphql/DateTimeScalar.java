package dev.oms.bff.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** An instant as an ISO-8601 (RFC 3339) string in UTC, e.g. {@code 2026-11-24T09:15:30.123Z}. */
final class DateTimeScalar implements Coercing<Instant, String> {
    static final GraphQLScalarType TYPE = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("An instant, as an ISO-8601 string in UTC.")
            .coercing(new DateTimeScalar())
            .build();

    @Override
    public String serialize(Object value, GraphQLContext context, Locale locale) {
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        throw new CoercingSerializeException("not an Instant: " + value.getClass().getSimpleName());
    }

    @Override
    public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
        Instant result = input instanceof String text ? parse(text) : null;
        if (result == null) {
            throw new CoercingParseValueException("expected an ISO-8601 instant");
        }
        return result;
    }

    @Override
    public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        Instant result = input instanceof StringValue text ? parse(text.getValue()) : null;
        if (result == null) {
            throw new CoercingParseLiteralException("expected an ISO-8601 instant");
        }
        return result;
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
        return StringValue.of(serialize(input, context, locale));
    }

    private static Instant parse(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
