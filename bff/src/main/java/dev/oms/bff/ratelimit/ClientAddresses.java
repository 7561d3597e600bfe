package dev.oms.bff.ratelimit;

import java.net.InetSocketAddress;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Puts the client's address in the GraphQL context: anonymous callers are limited per address. It is the address
 * the server sees (a proxy's, unless {@code server.forward-headers-strategy} is set to trust X-Forwarded-For).
 */
final class ClientAddresses implements WebGraphQlInterceptor {
    static final String KEY = ClientAddresses.class.getName();
    static final String UNKNOWN = "unknown";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String address = address(request.getRemoteAddress());
        request.configureExecutionInput((input, builder) -> {
            input.getGraphQLContext().put(KEY, address);
            return input;
        });
        return chain.next(request);
    }

    private static String address(InetSocketAddress remote) {
        if (remote == null) {
            return UNKNOWN;
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
