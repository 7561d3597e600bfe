package dev.oms.bff.ratelimit;

import dev.oms.bff.graphql.ErrorCodes;
import java.util.Optional;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Spring's GraphQL HTTP handler, except that an operation refused by the rate limiter is answered with 429 Too Many
 * Requests and a Retry-After header (seconds), like the BFF's other refusals before execution (401, 413, 415).
 */
final class RateLimitedHttpHandler extends GraphQlHttpHandler {

    RateLimitedHttpHandler(WebGraphQlHandler handler) {
        super(handler);
    }

    @Override
    protected ServerResponse prepareResponse(ServerRequest request,
            Mono<WebGraphQlResponse> responses) {
        return super.prepareResponse(request, responses.doOnNext(response -> rateLimited(response)
                .map(error -> error.getExtensions().get(RateLimitGate.RETRY_AFTER))
                .filter(Number.class::isInstance)
                .ifPresent(seconds -> response.getResponseHeaders().set(HttpHeaders.RETRY_AFTER, seconds.toString()))));
    }

    @Override
    protected HttpStatus selectResponseStatus(WebGraphQlResponse response, MediaType contentType) {
        return rateLimited(response).isPresent()
                ? HttpStatus.TOO_MANY_REQUESTS : super.selectResponseStatus(response, contentType);
    }

    private static Optional<ResponseError> rateLimited(WebGraphQlResponse response) {
        if (response.isValid()) {
            return Optional.empty();
        }
        return response.getErrors().stream()
                .filter(error -> ErrorCodes.RATE_LIMITED.equals(error.getExtensions().get("code"))).findFirst();
    }
}
