package dev.oms.bff.graphql;

import dev.oms.projections.api.InvalidCursorException;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Turns resolver exceptions into GraphQL errors. A client mistake is reported as BAD_REQUEST with its message;
 * anything else is INTERNAL_ERROR with a generic message and an incident id, and only the log sees the cause,
 * because an exception message may carry SQL, hostnames or other customers' data.
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {
    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof BadArgumentException) {
            return error(env, ErrorType.BAD_REQUEST, ex.getMessage());
        }
        if (ex instanceof InvalidCursorException) {
            return error(env, ErrorType.BAD_REQUEST, "the cursor is not one this API handed out");
        }
        String incident = UUID.randomUUID().toString();
        log.error("incident {}: {} failed", incident, env.getExecutionStepInfo().getPath(), ex);
        return error(env, ErrorType.INTERNAL_ERROR, "Internal error (incident " + incident + ")");
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorType type, String message) {
        return GraphqlErrorBuilder.newError(env).errorType(type).message(message).build();
    }
}
