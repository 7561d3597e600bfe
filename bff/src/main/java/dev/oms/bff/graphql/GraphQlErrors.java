package dev.oms.bff.graphql;

import dev.oms.bff.auth.ForbiddenException;
import dev.oms.bff.auth.NotSignedInException;
import dev.oms.projections.api.InvalidCursorException;
import dev.oms.remote.ServiceUnavailableException;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * Turns resolver exceptions into GraphQL errors. A client mistake is BAD_REQUEST, a missing token UNAUTHENTICATED, a
 * role that may not do it FORBIDDEN, a service that did not answer SERVICE_UNAVAILABLE, each with its message and a
 * code; anything else is INTERNAL_ERROR with a
 * generic message and an incident id, and only the log sees the cause, because an exception message may carry SQL,
 * hostnames or other customers' data.
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {
    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);
    private static final ErrorClassification SERVICE_UNAVAILABLE_TYPE =
            ErrorClassification.errorClassification(ErrorCodes.SERVICE_UNAVAILABLE);

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        return toError(ex, () -> GraphqlErrorBuilder.newError(env), env.getExecutionStepInfo().getPath().toString());
    }

    static GraphQLError toError(Throwable ex, Supplier<GraphqlErrorBuilder<?>> builder, String where) {
        if (ex instanceof BadArgumentException bad) {
            return error(builder, ErrorType.BAD_REQUEST, bad.code(), ex.getMessage());
        }
        if (ex instanceof InvalidCursorException) {
            return error(builder, ErrorType.BAD_REQUEST, ErrorCodes.INVALID_CURSOR,
                    "the cursor is not one this API handed out");
        }
        if (ex instanceof ServiceUnavailableException down) {
            log.warn("{}: {}", where, down.getMessage());
            return error(builder, SERVICE_UNAVAILABLE_TYPE, ErrorCodes.SERVICE_UNAVAILABLE,
                    "The " + down.service() + " service is unavailable; try again in a moment");
        }
        if (ex instanceof NotSignedInException) {
            return error(builder, ErrorCodes.UNAUTHENTICATED_TYPE, ErrorCodes.UNAUTHENTICATED, ex.getMessage());
        }
        if (ex instanceof ForbiddenException) {
            return error(builder, ErrorType.FORBIDDEN, ErrorCodes.FORBIDDEN, ex.getMessage());
        }
        String incident = UUID.randomUUID().toString();
        log.error("incident {}: {} failed", incident, where, ex);
        return error(builder, ErrorType.INTERNAL_ERROR, ErrorCodes.INTERNAL_ERROR,
                "Internal error (incident " + incident + ")");
    }

    private static GraphQLError error(Supplier<GraphqlErrorBuilder<?>> builder, ErrorClassification type, String code,
            String message) {
        return builder.get().errorType(type).message(message).extensions(Map.of("code", code)).build();
    }

    /** The same mapping for errors of a subscription's stream, which have no field to point at. */
    @Component
    static class SubscriptionErrors extends SubscriptionExceptionResolverAdapter {
        @Override
        protected GraphQLError resolveToSingleError(Throwable ex) {
            return toError(ex, GraphqlErrorBuilder::newError, "a subscription");
        }
    }
}
