package dev.oms.bff.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Any JSON value, output only. Resolvers hand it over as JSON text (as the database keeps it), and it goes out as the
 * value that text describes, not as a string.
 */
final class JsonScalar implements Coercing<String, Object> {
    static final GraphQLScalarType TYPE = GraphQLScalarType.newScalar()
            .name("JSON")
            .description("Any JSON value.")
            .coercing(new JsonScalar())
            .build();

    @Override
    public Object serialize(Object value, GraphQLContext context, Locale locale) {
        if (!(value instanceof String text)) {
            throw new CoercingSerializeException("not JSON text: " + value.getClass().getSimpleName());
        }
        try {
            return JsonMapper.shared().readValue(text, Object.class);
        } catch (JacksonException e) {
            throw new CoercingSerializeException("not JSON text", e);
        }
    }

    @Override
    public String parseValue(Object input, GraphQLContext context, Locale locale) {
        throw new CoercingParseValueException("JSON is not accepted as input");
    }

    @Override
    public String parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
        throw new CoercingParseLiteralException("JSON is not accepted as input");
    }
}
