package dev.oms.bff.ratelimit;

import dev.oms.bff.auth.Caller;
import dev.oms.bff.auth.Callers;
import dev.oms.bff.graphql.ErrorCodes;
import dev.oms.bff.graphql.QueryCostGate;
import dev.oms.bff.ratelimit.TokenBucket.Outcome;
import graphql.ErrorClassification;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Charges each operation's cost to its caller's bucket before it runs, and refuses it with RATE_LIMITED when the
 * bucket has not enough left; {@code extensions.retryAfter} says in how many seconds it will.
 */
final class RateLimitGate implements QueryCostGate {
    static final String RETRY_AFTER = "retryAfter";
    private static final Logger log = LoggerFactory.getLogger(RateLimitGate.class);
    private static final ErrorClassification RATE_LIMITED_TYPE =
            ErrorClassification.errorClassification(ErrorCodes.RATE_LIMITED);

    private final RateLimiter limiter;

    RateLimitGate(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public void admit(int cost, ExecutionContext execution) {
        GraphQLContext context = execution.getGraphQLContext();
        Caller caller = callerOf(context);
        CallerClass callerClass = caller.isOps() ? CallerClass.OPS
                : caller.isCustomer() ? CallerClass.CUSTOMER : CallerClass.ANONYMOUS;
        String id = callerClass == CallerClass.ANONYMOUS
                ? context.getOrDefault(ClientAddresses.KEY, ClientAddresses.UNKNOWN) : caller.subject();
        Outcome outcome = limiter.charge(callerClass, id, cost);
        if (outcome.allowed()) {
            return;
        }
        if (outcome.firstRefusal()) {
            log.info("rate limited: {} {} (limit {}; operation cost {})", callerClass.tag(), id,
                    limiter.limit(callerClass), cost);
        }
        throw refused(callerClass, cost, outcome.retryAfterSeconds());
    }

    /**
     * The resolvers' caller. Spring for GraphQL carries the security context in the GraphQL context under its
     * thread-local accessor's key (the class name), for HTTP and WebSocket alike; resolvers get it restored as a
     * thread local, here it is set for the look only.
     */
    private static Caller callerOf(GraphQLContext context) {
        if (!(context.get(SecurityContext.class.getName()) instanceof SecurityContext security)) {
            return Callers.current();
        }
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(security);
        try {
            return Callers.current();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private static AbortExecutionException refused(CallerClass callerClass, int cost, long retryAfterSeconds) {
        String message = retryAfterSeconds > 0
                ? "Rate limit exceeded: this operation costs " + cost + ", more than is left of this "
                        + callerClass.tag() + " caller's limit; retry after " + retryAfterSeconds + " s"
                : "Rate limit exceeded: this operation costs " + cost + ", more than a " + callerClass.tag()
                        + " caller's limit ever allows at once";
        GraphqlErrorBuilder<?> error = GraphqlErrorBuilder.newError().errorType(RATE_LIMITED_TYPE).message(message);
        GraphQLError built = retryAfterSeconds > 0
                ? error.extensions(Map.of("code", ErrorCodes.RATE_LIMITED, RETRY_AFTER, retryAfterSeconds)).build()
                : error.extensions(Map.of("code", ErrorCodes.RATE_LIMITED)).build();
        return new AbortExecutionException(List.of(built));
    }
}
