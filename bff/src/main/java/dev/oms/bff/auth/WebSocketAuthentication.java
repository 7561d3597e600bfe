package dev.oms.bff.auth;

import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Authenticates a graphql-transport-ws connection by the token in its connection_init payload
 * ({@code {"Authorization": "Bearer <token>"}}) and gives every operation on that connection its security context.
 * A connection without a token is anonymous; one with an invalid token is closed (4401 Unauthorized).
 */
final class WebSocketAuthentication implements WebSocketGraphQlInterceptor {
    private static final String SECURITY_CONTEXT = WebSocketAuthentication.class.getName() + ".securityContext";
    private static final String BEARER = "bearer ";

    private final AuthenticationManager tokens;

    WebSocketAuthentication(AuthenticationManager tokens) {
        this.tokens = tokens;
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo info, Map<String, Object> payload) {
        String token = bearerToken(payload);
        if (token == null) {
            return Mono.empty();
        }
        return Mono.fromCallable(() -> tokens.authenticate(new BearerTokenAuthenticationToken(token)))
                .doOnNext(authentication -> info.getAttributes()
                        .put(SECURITY_CONTEXT, new SecurityContextImpl(authentication)))
                .then(Mono.empty());
    }

    /** Writes the context under the key of the accessor that Spring for GraphQL restores in resolver threads. */
    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, WebGraphQlInterceptor.Chain chain) {
        if (request instanceof WebSocketGraphQlRequest socket
                && socket.getSessionInfo().getAttributes().get(SECURITY_CONTEXT) instanceof SecurityContext context) {
            return chain.next(request).contextWrite(Context.of(SecurityContext.class.getName(), context));
        }
        return chain.next(request);
    }

    private static String bearerToken(Map<String, Object> payload) {
        if (payload == null) {
            return null;
        }
        for (Map.Entry<String, Object> entry : payload.entrySet()) {
            if (entry.getKey().equalsIgnoreCase("authorization") && entry.getValue() instanceof String value
                    && value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return value.substring(BEARER.length()).trim();
            }
        }
        return null;
    }
}
