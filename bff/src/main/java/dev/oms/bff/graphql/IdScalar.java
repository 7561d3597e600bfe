package dev.oms.bff.graphql;

import graphql.GraphQLContext;
import graphql.Scalars;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;
import java.math.BigInteger;
import java.util.Locale;

/**
 * GraphQL's ID, strict about variables: a string or an integer, as the specification says. graphql-java's own ID
 * turns any variable value into its toString, so {@code {"a": 1}} became the id "{a=1}" and was stored as one.
 */
final class IdScalar implements Coercing<Object, Object> {
    private static final Coercing<?, ?> STANDARD = Scalars.GraphQLID.getCoercing();
    static final GraphQLScalarType TYPE = GraphQLScalarType.newScalar()
            .name(Scalars.GraphQLID.getName())
            .description(Scalars.GraphQLID.getDescription())
            .coercing(new IdScalar())
            .build();

    @Override
    public Object serialize(Object value, GraphQLContext context, Locale locale) {
        return STANDARD.serialize(value, context, locale);
    }

    @Override
    public Object parseValue(Object input, GraphQLContext context, Locale locale) {
        if (input instanceof String || input instanceof Integer || input instanceof Long || input instanceof BigInteger) {
            return STANDARD.parseValue(input, context, locale);
        }
        throw new CoercingParseValueException("an ID is a string or an integer");
    }

    @Override
    public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        return STANDARD.parseLiteral(input, variables, context, locale);
    }

    @Override
    public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
        return STANDARD.valueToLiteral(input, context, locale);
    }
}
