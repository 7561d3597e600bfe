package dev.oms.bff.auth;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;

/**
 * Maps a checked token of the OIDC issuer to the platform's claims, so that {@link Callers} and the role authorities
 * read it like a development token: {@code role} {@code ops} when the role claim holds the ops role, else
 * {@code customer}; {@code sub} the customer claim's value (for an operator, that value or the token's subject).
 * The issuer's other claims stay as they are.
 */
final class OidcClaims {
    private final OidcSettings settings;

    OidcClaims(OidcSettings settings) {
        this.settings = settings;
    }

    Jwt toPlatform(Jwt jwt) {
        Role role = roles(jwt).contains(settings.opsRole()) ? Role.OPS : Role.CUSTOMER;
        String id = text(claim(jwt.getClaims(), settings.customerClaim()))
                .or(() -> role == Role.OPS ? Optional.ofNullable(jwt.getSubject()) : Optional.empty())
                .filter(value -> !value.isBlank())
                .orElseThrow(() -> new BadJwtException("the token has no " + settings.customerClaim() + " claim"));
        return Jwt.withTokenValue(jwt.getTokenValue())
                .headers(headers -> headers.putAll(jwt.getHeaders()))
                .claims(claims -> {
                    claims.putAll(jwt.getClaims());
                    claims.put(JwtClaimNames.SUB, id);
                    claims.put(Tokens.ROLE_CLAIM, role.claim());
                })
                .build();
    }

    /** The role claim's values: an array's elements, or a string's space-separated words (as in {@code scope}). */
    private List<String> roles(Jwt jwt) {
        Object value = claim(jwt.getClaims(), settings.roleClaim());
        if (value instanceof Collection<?> values) {
            return values.stream().filter(Objects::nonNull).map(Object::toString).toList();
        }
        return value instanceof String words ? List.of(words.trim().split("\\s+")) : List.of();
    }

    /**
     * The claim by its whole name first (Auth0's namespaced claims are URLs with dots), else along a dotted path
     * into nested objects (Keycloak's {@code realm_access.roles}).
     */
    static Object claim(Map<String, Object> claims, String name) {
        if (claims.containsKey(name)) {
            return claims.get(name);
        }
        Object node = claims;
        for (String part : name.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(part);
        }
        return node;
    }

    private static Optional<String> text(Object value) {
        return value instanceof String || value instanceof Number ? Optional.of(value.toString()) : Optional.empty();
    }
}
