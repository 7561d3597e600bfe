package dev.oms.bff.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.math.BigInteger;
import java.util.Locale;

/** A signed 64-bit integer, for amounts in minor units that outgrow GraphQL's 32-bit Int. */
final class LongScalar implements Coercing<Long, Long> {
    static final GraphQLScalarType TYPE = GraphQLScalarType.newScalar()
            .name("Long")
            .description("A signed 64-bit integer.")
            .coercing(new LongScalar())
            .build();

    @Override
    public Long serialize(Object value, GraphQLContext context, Locale locale) {
        Long result = toLong(value);
        if (result == null) {
            throw new CoercingSerializeException("not a Long: " + value.getClass().getSimpleName());
        }
        return result;
    }

    @Override
    public Long parseValue(Object input, GraphQLContext context, Locale locale) {
        Long result = input instanceof String text ? parse(text) : toLong(input);
        if (result == null) {
            throw new CoercingParseValueException("expected a 64-bit integer");
        }
        return result;
    }

    @Override
    public Long parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        Long result = null;
        if (input instanceof IntValue number) {
            result = toLong(number.getValue());
        } else if (input instanceof StringValue text) {
            result = parse(text.getValue());
        }
        if (result == null) {
            throw new CoercingParseLiteralException("expected a 64-bit integer");
        }
        return result;
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
        return IntValue.newIntValue(BigInteger.valueOf(serialize(input, context, locale))).build();
    }

    private static Long toLong(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < Long.SIZE) {
            return big.longValue();
        }
        return null;
    }

    private static Long parse(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
