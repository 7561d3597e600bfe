package dev.oms.bff.auth;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The caller of the request being resolved. Spring for GraphQL carries the security context to the resolver's
 * thread, for HTTP requests and for WebSocket subscriptions alike (see {@link WebSocketAuthentication}).
 */
public final class Callers {
    private Callers() {}

    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token && token.isAuthenticated()) {
            return of(token.getToken());
        }
        return Caller.ANONYMOUS;
    }

    /** The caller a checked token names; the decoder has already refused tokens without subject or known role. */
    static Caller of(Jwt jwt) {
        return Role.fromClaim(jwt.getClaimAsString(Tokens.ROLE_CLAIM))
                .map(role -> new Caller(jwt.getSubject(), role))
                .orElse(Caller.ANONYMOUS);
    }
}
